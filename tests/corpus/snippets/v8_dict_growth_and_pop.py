import sys

d = {}
for i in range(200000):
    d[i] = str(i)
print(len(d), sys.getsizeof(d))
for i in range(190000):
    del d[i]
print(len(d), sys.getsizeof(d))
d2 = dict(d)
print(sys.getsizeof(d2))
for i in range(200000, 260000):
    d[i] = i
print(len(d), sys.getsizeof(d))
d.clear()
print(sys.getsizeof(d))
