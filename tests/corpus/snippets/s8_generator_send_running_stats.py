def running_stats():
    count = 0
    total = 0.0
    history = []
    try:
        while True:
            value = yield (count, total / count if count else None)
            if value is None:
                continue
            count += 1
            total += value
            history.append(value)
    except GeneratorExit:
        print("closing after", count, "values, kept", len(history))
        raise
    finally:
        history.clear()


stats = running_stats()
print(next(stats))
for i in range(200000):
    result = stats.send(i % 1000 * 0.5)
print(result)
print(stats.send(None))
stats.close()
try:
    stats.send(1)
except StopIteration:
    print("generator finished")


def echo_upper():
    received = yield
    while received != "quit":
        received = yield received.upper()


g = echo_upper()
next(g)
print([g.send(w) for w in ["a", "bc", "def"]])
try:
    g.send("quit")
except StopIteration as e:
    print("stopped", e.value)
