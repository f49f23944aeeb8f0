import sys
from array import array

N = 200_000
values = list(range(N))
as_tuple = tuple(values)
as_array = array("i", values)
as_bytes = bytes(v % 256 for v in values)

def deep(seq):
    return sys.getsizeof(seq) + sum(sys.getsizeof(v) for v in seq)

print(f"{'list':<8}{sys.getsizeof(values):>12,}{deep(values):>12,}")
print(f"{'tuple':<8}{sys.getsizeof(as_tuple):>12,}{deep(as_tuple):>12,}")
print(f"{'array':<8}{sys.getsizeof(as_array):>12,}{as_array.itemsize * len(as_array):>12,}")
print(f"{'bytes':<8}{sys.getsizeof(as_bytes):>12,}")

floats = [v * 0.5 for v in values]
farr = array("d", floats)
print("floats list deep", deep(floats), "array", sys.getsizeof(farr))

del values, floats
as_array.extend(range(10))
print(len(as_array), as_array[-1], as_tuple[-1])
del as_tuple, as_array, as_bytes, farr
