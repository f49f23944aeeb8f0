def make_counter():
    count = 0
    history = []

    def inc(step=1):
        nonlocal count
        count += step
        history.append(count)
        return count

    def reset():
        nonlocal count
        count = 0
        history.clear()

    return inc, reset, history


counters = [make_counter() for _ in range(5000)]
for inc, reset, hist in counters:
    for k in range(20):
        inc(k)
print(sum(len(h) for _, _, h in counters))
for _, reset, _ in counters[:2500]:
    reset()
print(sum(len(h) for _, _, h in counters))
counters = counters[2500:]
print(len(counters))
