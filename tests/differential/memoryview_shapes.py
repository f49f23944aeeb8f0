# Differential script: memoryview shapes and strides: stepped and reversed slices, n-d casts and
# their tolist/indexing, casts that must fail as CPython fails them, tobytes/hex of non-contiguous
# views, contiguity flags, comparisons of strided views, assignment through a stepped view.
B = bytearray(range(24))
M = memoryview(B)
I = memoryview(bytearray(range(48))).cast("i")
G = dict(B=B, M=M, I=I, memoryview=memoryview, bytearray=bytearray, bytes=bytes)
EXPRS = r'''
M[::2].tolist(), M[::2].nbytes, M[::2].strides, M[::2].shape, M[::2].c_contiguous, M[::2].f_contiguous, M[::2].contiguous
M[::-1].tolist(), M[::-1].strides, M[::-3].tolist(), M[1:10:3].tolist(), M[5:1:-2].tolist(), M[::7].shape, M[20:2].shape
M[::2].tobytes(), M[::-3].tobytes(), M[::2].hex(), M[::-3].hex(":"), M[1::5].hex("-", 2), M[::2][::3].tolist(), M[::2][1:4].tolist()
M[::2][::3].strides, M[::2][-1], M[::-1][0], M[::2][::-1].tolist(), len(M[::3]), M[::3] == bytes(M[::3]), M[::3] == M[::3].tobytes(), M[::2] == M[1::2]
c = M.cast("B", (4, 6)); r = (c.shape, c.strides, c.ndim, c.nbytes, c.c_contiguous, c.f_contiguous, c.contiguous, len(c))
c = M.cast("B", [4, 6]); r = (c.tolist(), c[1, 2], c[3, 5], c[-1, -1])
c = M.cast("B", (2, 3, 4)); r = (c.tolist(), c.strides, c[1, 2, 3])
c = M.cast("B", (2, 3, 4)); r = c[1, 2]
c = M.cast("B", (4, 6)); r = c[1]
c = M.cast("B", (4, 6)); r = c[1, 6]
c = M.cast("B", (4, 6)); r = c[1, 2, 3]
c = M.cast("B", (4, 6)); r = c[::2].tolist()
c = M.cast("B", (4, 6)); r = (c[::2].shape, c[::2].strides, c[::2].c_contiguous, c[::2].tobytes(), c[::2].hex())
c = M.cast("B", (4, 6)); r = c[1:3, 2:4]
c = M.cast("B", (4, 6)); r = c.cast("B").tolist() == list(range(24))
c = M.cast("B", (4, 6)); r = c.cast("i").tolist()
c = M.cast("B", (4, 6)); r = c.cast("B", (6, 4))
c = M.cast("B", (4, 6)); r = c == M.cast("B", (4, 6))
c = M.cast("B", (4, 6)); r = c == M.cast("B", (6, 4))
M.cast("B", (5, 5))
M.cast("B", (4, 0))
M.cast("B", (4, "6"))
M.cast("B", 24)
M.cast("i", (2, 3)).tolist(), M.cast("i", [6]).tolist(), M.cast("h", (3, 4)).strides, M.cast("@B").format, M.cast("@i").format
I.tolist(), I.format, I.itemsize, I.nbytes, I.strides
I.cast("h")
I.cast("B").cast("h").tolist()[:6]
I.cast("d")
I.cast("xx")
I.cast("u")
M.cast(3)
M.cast()
M[::2].cast("B")
M[::2].cast("i")
I[::2].tolist(), I[::-1].tolist(), I[::2].strides, I[::2].nbytes, I[::2].tobytes().hex(), I[1::3].hex()
I.cast("B", (3, 16)).cast("i").tolist()
M.cast("B", (4, 6)).tobytes(order="F")
M[::2].tobytes(order="A"), M[::2].tobytes(order="C"), M[::2].tobytes(None)
M.tobytes(order="X")
b = bytearray(10); m = memoryview(b); m[::2] = b"abcde"; r = b
b = bytearray(10); m = memoryview(b)[::2]; m[1:3] = b"XY"; r = b
b = bytearray(10); m = memoryview(b)[::-1]; m[0] = 7; m[2] = 9; r = b
b = bytearray(10); m = memoryview(b)[::3]; m[:] = bytes(M[:4]); r = (b, m.tolist())
b = bytearray(10); m = memoryview(b); m[:5] = M[::5]; r = b
b = bytearray(range(10)); m = memoryview(b)[::2]; r = bytes(m)
b = bytearray(range(10)); m = memoryview(b)[::2]; r = (bytearray(m), bytearray(m.cast("B") if m.c_contiguous else m))
b = bytearray(range(10)); m = memoryview(b)[::2]; r = b"x" + m
import struct; r = struct.unpack_from("B", M[::2])
ba = bytearray(4); ba[0:2] = M[::2][:2]; r = ba
'''
for line in EXPRS.strip().splitlines():
    line = line.strip()
    if not line:
        continue
    try:
        try:
            r = eval(line, G)
        except SyntaxError:
            exec(line, G)
            r = G["r"]
        out = repr(r)
    except Exception as e:
        out = type(e).__name__ + ": " + str(e)
    print(line[:40], "=>", out)
