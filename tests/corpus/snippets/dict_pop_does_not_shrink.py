import sys

d = {}
for i in range(500000):
    d[f"key{i}"] = i
print("full:", sys.getsizeof(d))
for i in range(499000):
    d.pop(f"key{i}")
print(len(d), "left, size still", sys.getsizeof(d))
d = dict(d)  # copying is the only way to shrink it
print("copied:", sys.getsizeof(d))
