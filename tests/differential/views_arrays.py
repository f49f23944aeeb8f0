# Differential script: array.array and memoryview as memory questions use them (sizes, buffer_info,
# shapes and strides, casts, slices, tolist, releases), over big and small buffers.
import array
import sys
A = array.array("d", range(100000))
I = array.array("i", [1, 2, 3, 4, 5, 6])
B = array.array("B", b"hello world")
M = memoryview(A)
EXPRS = r'''
M.shape, M.strides, M.ndim, M.itemsize, M.nbytes, M.format, M.readonly, M.contiguous, M.c_contiguous, M.f_contiguous, M.suboffsets
len(M), M[0], M[-1], M[99999], M[5:8].tolist(), M[5:8].shape
M.cast("B").shape, M.cast("B").nbytes, M.cast("B")[8:16].tolist(), M.cast("Q")[1], M.cast("B").cast("d")[3], M.obj is A
memoryview(b"abc").tobytes(), memoryview(b"abc").hex(), memoryview(b"abc").hex(":"), bytes(memoryview(b"abcdef")[1:4]), memoryview(b"ab") == b"ab", memoryview(b"ab") == memoryview(b"ab")
memoryview(b"abc")[1], memoryview(b"abc")[-1], memoryview(bytearray(b"abc")).readonly, memoryview(b"abc").readonly, repr(memoryview(b"x"))[:13]
m = memoryview(b"abc"); m.release(); r = repr(m)[:22]
m = memoryview(b"abc"); m.release(); r = len(m)
memoryview(b"abc")[3]
memoryview(b"abc")[1] = 5
memoryview(I)[0:2] = b"ab"
memoryview(123)
memoryview(b"ab").cast("q")
ba = bytearray(b"hello"); m = memoryview(ba); m[0] = 72; r = (ba, m.tobytes())
ba = bytearray(b"hello"); m = memoryview(ba); m[1:3] = b"EY"; r = ba
ba = bytearray(b"hello"); m = memoryview(ba); ba.append(33)
ba = bytearray(b"hello"); m = memoryview(ba); m.release(); ba.append(33); r = ba
ba = bytearray(10); m = memoryview(ba).cast("i"); m[1] = -2; r = (ba, m.tolist())
with memoryview(b"abc") as m: r = m.tolist()
I.itemsize, I.typecode, len(I), I.buffer_info()[1], I.tolist(), I.tobytes()[:8], I[1:4], I[::-2], I.index(4), I.count(2), 3 in I, sys.getsizeof(I)
A.itemsize, A.typecode, len(A), A.buffer_info()[1], sys.getsizeof(A), A[10], A[-1], sum(A[:100])
B.tobytes(), B.tobytes().decode(), B.tolist()[:3], repr(B)[:30], B[0], bytes(B)
a = array.array("i"); a.extend(range(10)); a.append(-1); a.insert(0, 7); a.pop(); a.remove(3); a.reverse(); r = a
a = array.array("i", [1, 2]); a.frombytes(b"\x03\x00\x00\x00"); a.fromlist([4, 5]); r = (a, a.tolist(), a.buffer_info()[1])
a = array.array("u", "héllo"); r = (a, a.tounicode(), a.itemsize, a.buffer_info()[1])
a = array.array("b", [127]); a.append(128)
a = array.array("i", [1]); a.append(1.5)
array.array("x")
array.array("d", [1.5, 2.5]) + array.array("d", [3.0]), array.array("h", [1, 2]) * 3, array.array("l", [3, 1, 2]) == array.array("l", [3, 1, 2]), array.array("i", [1]) < array.array("i", [2])
array.array("f", [0.1, 0.2]), array.array("d", [0.1]).tolist(), array.array("q", [2**62]).tolist(), array.array("Q", [2**64 - 1]), array.array("H", [65535]).byteswap()
a = array.array("H", [1, 256]); a.byteswap(); r = a
array.array("i", [1]) + array.array("d", [1.0])
sorted(array.array("i", [3, 1, 2])), list(reversed(array.array("b", [1, 2, 3]))), max(array.array("d", [1.0, 9.5])), array.array("d", bytes(16))
sys.getsizeof(array.array("d")), sys.getsizeof(array.array("d", [0.0])), sys.getsizeof(array.array("d", range(10))), sys.getsizeof(array.array("B", b"x" * 100)), array.typecodes
a = array.array("d"); sizes = []; [sizes.append(sys.getsizeof(a)) for _ in range(40) if a.append(0.0) is None]; r = sorted(set(sizes))
'''
G = globals()
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
