import bisect
from array import array
import random

random.seed(3)
sorted_list = []
for _ in range(20000):
    bisect.insort(sorted_list, random.randint(0, 10**6))

arr = array("d")
for x in sorted_list:
    arr.append(x / 3)
print(len(arr), arr.itemsize, arr.buffer_info()[1])

idx = bisect.bisect_left(sorted_list, 500000)
print(idx, sorted_list[idx] >= 500000)
del sorted_list
big = array("i", range(1000000))
print(big[-1])
del big
