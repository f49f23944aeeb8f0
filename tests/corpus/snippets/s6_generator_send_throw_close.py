class Reset(Exception):
    pass


def averager():
    total = 0.0
    count = 0
    history = []
    try:
        while True:
            try:
                value = yield (total / count if count else None)
            except Reset:
                total, count = 0.0, 0
                history.clear()
                continue
            total += value
            count += 1
            history.append(value)
    finally:
        print("averager closed after", count, "values, history", len(history))


avg = averager()
next(avg)
for i in range(100000):
    last = avg.send(i * 1.5)
print(round(last, 3))
print(avg.throw(Reset))
print(avg.send(10.0), avg.send(20.0))
avg.close()
try:
    avg.send(1)
except StopIteration:
    print("stopped")


def chunks():
    buf = []
    while True:
        item = yield
        if item is None:
            return buf
        buf.append(item * 2)


g = chunks()
next(g)
for i in range(50000):
    g.send(i)
try:
    g.send(None)
except StopIteration as stop:
    result = stop.value
print(len(result), result[-1])
del result
