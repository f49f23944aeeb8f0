# `x in b` for bytes and bytearray (_Py_bytes_contains): sub-bytes, ints, buffers and the errors
cases = [
    "x = b'x y'; r = (b' ' in x, b'x' in x, b'x ' in x, b'yx' in x, b'' in x, 32 in x, 33 in x)",
    "x = bytearray(b'abc'); r = (b'bc' in x, bytearray(b'a') in x, memoryview(b'c') in x, 97 in x, b'abcd' in x)",
    "r = b'\\x00' in bytes(2000000), b'\\x01' in bytes(2000000), b'\\x00\\x00' in bytearray(2000000), 0 in bytes(2000000)",
    "r = 'a' in b'abc'",
    "r = 256 in b'abc'",
    "r = -1 in bytearray(b'abc')",
    "r = 2 ** 70 in b'abc'",
    "r = None in b'abc'",
    "r = [c for c in b'a%b%c' if c in b'%'], b'%' in b'a%b', b'=' in b'k=v'.split(b'&')[0]",
]
for case in cases:
    try:
        g = {}
        exec(case, g)
        print(repr(g["r"]))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
