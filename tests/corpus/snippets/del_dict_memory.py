# Memory not released after deleting a large dictionary
import sys

d = {}
for i in range(1_000_000):
    d[i] = str(i)

print("size of dict:", sys.getsizeof(d))
del d

# still using lots of memory here, what gives?
x = 1
