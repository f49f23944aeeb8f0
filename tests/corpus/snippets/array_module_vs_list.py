import sys
from array import array

alist = [float(i) for i in range(1000000)]
print("list:", sys.getsizeof(alist) // 1024, "KiB (pointers only)")

anarray = array("d", alist)
print("array:", sys.getsizeof(anarray) // 1024, "KiB")

del alist
squares = array("d", (x * x for x in anarray))
print(squares[10], len(squares))
anarray.extend([1.5, 2.5])
print(anarray.itemsize, anarray.buffer_info()[1])
