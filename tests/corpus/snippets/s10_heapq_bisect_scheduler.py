import heapq
import bisect
import itertools

counter = itertools.count()
queue = []
for i in range(50000):
    due = (i * 7919) % 100000
    heapq.heappush(queue, (due, next(counter), f"job-{i}"))
print(len(queue), queue[0])

done = []
now = 0
while queue and now < 30000:
    due, _, name = heapq.heappop(queue)
    now = due
    done.append(name)
print(len(done), len(queue), now)

deadlines = []
for i in range(20000):
    bisect.insort(deadlines, (i * 31) % 5000)
print(deadlines[:5], len(deadlines))
idx = bisect.bisect_left(deadlines, 2500)
print(idx, bisect.bisect_right(deadlines, 2500) - idx)
late = deadlines[idx:]
del deadlines
print(len(late), heapq.nsmallest(3, late), heapq.nlargest(2, queue)[0][0])
del queue, done, late
