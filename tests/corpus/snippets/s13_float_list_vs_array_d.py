from array import array
import sys

floats = [i * 0.001 for i in range(1_000_000)]
print("list bytes (pointers):", sys.getsizeof(floats))
packed = array("d", floats)
print("array bytes:", sys.getsizeof(packed))
print(f"sums: {sum(floats):.3f} {sum(packed):.3f}")
del floats
packed.extend(packed[:1000])
print("array len:", len(packed))
back = packed.tolist()
print("back:", len(back))
del back
del packed
