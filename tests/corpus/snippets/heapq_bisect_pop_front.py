import heapq, bisect
from operator import itemgetter
items = [(i * 7919 % 10007, "k%d" % i) for i in range(100000)]
heap = []
for it in items:
    heapq.heappush(heap, it)
smallest = [heapq.heappop(heap) for _ in range(10)]
print(smallest[:3])
srt = sorted(items, key=itemgetter(0))
keys = [k for k, _ in srt]
pos = bisect.bisect_left(keys, 5000)
print(pos)
del heap, items
q = list(range(50000))
while len(q) > 40000:
    q.pop(0)
print(len(q))
