import array
import sys

n = 300000
as_list = [i * 0.5 for i in range(n)]
as_array = array.array("d", (i * 0.5 for i in range(n)))
print(sys.getsizeof(as_list), sys.getsizeof(as_array), as_array.itemsize)
print(sum(as_list) == sum(as_array))

ints = array.array("i")
for i in range(100000):
    ints.append(i % 1000)
print(len(ints), ints.buffer_info()[1], ints.typecode)
ints.extend(range(50000))
small = array.array("b", [1, 2, 3])
small.frombytes(bytes(range(10)))
print(small.tolist(), small.tobytes()[:4])
try:
    array.array("b", [300])
except OverflowError as e:
    print("overflow:", e)
del as_list
half = as_array[: n // 2]
print(len(half), half[-1], type(half).__name__)
del as_array
print(ints.count(5), ints.index(999))
del ints, half
