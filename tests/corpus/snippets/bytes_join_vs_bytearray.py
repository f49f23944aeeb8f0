"""Build a binary message three ways: += on bytes, b''.join, bytearray.extend."""
import sys

chunk = bytes(range(256)) * 4  # 1 KiB


def concat_bytes(n):
    out = b""
    for _ in range(n):
        out += chunk
    return out


def join_parts(n):
    parts = [chunk for _ in range(n)]
    return b"".join(parts)


def grow_bytearray(n):
    buf = bytearray()
    for _ in range(n):
        buf.extend(chunk)
    return buf


a = concat_bytes(1_500)
print("concat:", len(a))
b = join_parts(6_000)
print("join:", len(b))
c = grow_bytearray(6_000)
print("bytearray:", len(c), "allocated", sys.getsizeof(c))

frozen = bytes(c)
print("bytes(bytearray) equal:", frozen == b)

del c[: len(c) // 2]
print("after del half:", len(c), sys.getsizeof(c))
c.clear()
print("cleared:", sys.getsizeof(c))
del a, b, frozen
