import sys
data = {}
for i in range(100000):
    data[i] = str(i) * 3
print(sys.getsizeof(data))
keys = list(data)
for k in keys[::2]:
    del data[k]
print(len(data), sys.getsizeof(data))
data2 = dict(data)
print(sys.getsizeof(data2))
del data
small = {k: v for k, v in data2.items() if k % 10 == 1}
print(len(small), sys.getsizeof(small))
del data2, keys
t = tuple(range(100000))
s = set(t)
fs = frozenset(s)
print(sys.getsizeof(t), sys.getsizeof(s), sys.getsizeof(fs))
del t, s
