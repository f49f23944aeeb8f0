from array import array
import sys

floats = array("d", (i * 0.5 for i in range(500_000)))
ints = array("i", range(500_000))
as_list = list(range(500_000))

print(floats.itemsize, ints.itemsize, floats.buffer_info()[1])
print(sys.getsizeof(floats), sys.getsizeof(ints), sys.getsizeof(as_list))

raw = ints.tobytes()
copy = array("i")
copy.frombytes(raw)
print(copy == ints, len(raw))

ints.extend(range(100_000))
ints.append(-1)
print(len(ints), ints[-1])

small = array("b", [1, 2, 3])
small.reverse()
print(small.tolist())

del as_list, raw, copy
print(sum(floats))
