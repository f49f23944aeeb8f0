import heapq, bisect, itertools
from collections import ChainMap, UserDict
class Counted(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
d = Counted()
for i in range(1000):
    d[str(i)] = i
print(len(d), d["10"])
cm = ChainMap({"a": 1}, {"b": 2})
print(cm["b"], list(cm))
h = []
for i in range(10000):
    heapq.heappush(h, (i % 97, i, f"task{i}"))
top = [heapq.heappop(h) for _ in range(5)]
print(top)
s = []
for x in range(5000, 0, -7):
    bisect.insort(s, x)
print(s[:5], len(s))
pairs = list(itertools.combinations(range(60), 3))
print(len(pairs))
print("{:>10.3f}|{:<8}|{:^6}|{:,}".format(3.14159, "ab", "c", 1234567))
print("%5.2f %s %r" % (2.5, [1], "x"))
