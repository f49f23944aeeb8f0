from array import array
import sys

readings = array("d")
for i in range(500_000):
    readings.append(i * 0.25)
print(len(readings), readings.itemsize, sys.getsizeof(readings))
as_list = readings.tolist()
print(sys.getsizeof(as_list), as_list[-1])
ints = array("i", range(1_000_000))
ints2 = ints[::2]
print(len(ints2), ints2[10], ints.buffer_info()[1])
raw = ints.tobytes()
copy = array("i")
copy.frombytes(raw)
print(copy == ints)
del as_list, raw
del readings, ints
