import heapq
import itertools

counter = itertools.count()
events = []
for t in range(100000):
    heapq.heappush(events, ((t * 7919) % 100003, next(counter), f"event-{t}"))
print("events:", len(events), events[0])

fired = []
for _ in range(30000):
    fired.append(heapq.heappop(events))
print("fired:", fired[-1][0])
smallest = heapq.heappushpop(events, (0, next(counter), "urgent"))
replaced = heapq.heapreplace(events, (500000, next(counter), "late"))
print(smallest[2], replaced[0])
del fired
print("nlargest:", [e[0] for e in heapq.nlargest(3, events)])
events.clear()
del events
