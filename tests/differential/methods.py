# Differential script: reversed() of dicts and their views, str.format_map, bytes.hex(sep),
# bytes/bytearray maketrans and translate.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
d = {"a": 1, "b": 2, "c": 3}
t(lambda: list(reversed(d)))
t(lambda: list(reversed(d.keys())))
t(lambda: list(reversed(d.values())))
t(lambda: list(reversed(d.items())))
t(lambda: "{a}-{b}".format_map({"a": 1, "b": 2}))
class M(dict):
    def __missing__(self, k): return k.upper()
t(lambda: "{x} {y}".format_map(M(x=1)))
t(lambda: "{z}".format_map({}))
t(lambda: b"\x01\x02\xff\x10".hex(":"))
t(lambda: b"\x01\x02\xff\x10\x11".hex("-", 2))
t(lambda: b"\x01\x02\xff\x10\x11".hex("-", -2))
t(lambda: bytes.fromhex("01 02").hex(b"|"))
t(lambda: b"abc".hex("::"))
t(lambda: bytearray(b"ab").hex(" "))
t(lambda: bytes.maketrans(b"abc", b"xyz"))
t(lambda: b"aabbcc".translate(bytes.maketrans(b"abc", b"xyz")))
t(lambda: b"aabbcc".translate(None, b"b"))
t(lambda: b"hello".translate(bytes.maketrans(b"lo", b"01"), b"h"))
t(lambda: bytes.maketrans(b"ab", b"x"))
t(lambda: b"x".translate(b"short"))
t(lambda: bytearray(b"abc").translate(bytearray.maketrans(b"a", b"A")))
d2 = dict(d); it = reversed(d2); next(it); d2["z"] = 0
t(lambda: next(it))
t(lambda: type(reversed({}.items())).__name__)
t(lambda: "{0}".format_map({}))
t(lambda: "{a[0]}-{a.__class__.__name__}".format_map({"a": [5]}))
t(lambda: b"abc".translate(None) is not None)
t(lambda: b"abc".translate(None, delete=b"a"))
