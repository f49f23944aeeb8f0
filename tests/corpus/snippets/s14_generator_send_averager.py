def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return count, average


def window(size):
    items = []
    while True:
        x = yield list(items)
        items.append(x)
        if len(items) > size:
            items.pop(0)


avg = averager()
next(avg)
for v in range(1, 100001):
    last = avg.send(v * 0.5)
print("running average:", last)
try:
    avg.send(None)
except StopIteration as stop:
    print("result:", stop.value)

w = window(100)
next(w)
snapshots = [w.send(i) for i in range(20000)]
print(len(snapshots), snapshots[-1][:3])
w.close()

gen = (x * x for x in range(10**6))
print(sum(x for x in gen if x % 3 == 0))
del snapshots
print("done")
