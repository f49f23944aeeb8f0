from functools import wraps


def primed(fn):
    @wraps(fn)
    def start(*args, **kwargs):
        gen = fn(*args, **kwargs)
        next(gen)
        return gen
    return start


@primed
def averager():
    total = 0.0
    count = 0
    avg = None
    history = []
    while True:
        try:
            value = yield avg
        except ValueError:
            history.clear()
            continue
        if value is None:
            break
        total += value
        count += 1
        history.append(value)
        avg = total / count
    return count, avg, len(history)


avg = averager()
for i in range(100000):
    current = avg.send(i % 1000)
print(current)
try:
    avg.send(None)
except StopIteration as stop:
    print("done:", stop.value)


@primed
def grep(pattern, sink):
    while True:
        line = yield
        if pattern in line:
            sink.append(line)


found = []
g = grep("err", found)
for i in range(50000):
    g.send(f"{'err' if i % 7 == 0 else 'ok'} line {i}")
g.close()
print(len(found), found[-1], averager.__name__)
del found, avg, g
