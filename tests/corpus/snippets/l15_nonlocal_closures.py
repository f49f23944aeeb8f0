import sys
def make_counter():
    count = 0
    history = []
    def inc(by=1, *, note=None):
        nonlocal count
        count += by
        if note:
            history.append((count, note))
        return count
    return inc, history

counters = [make_counter() for _ in range(20000)]
for j, (inc, hist) in enumerate(counters):
    for k in range(j % 5):
        inc(k, note=f"n{k}" if k % 2 else None)
total = sum(len(h) for _, h in counters)
print(total, sys.getsizeof(counters[0][0]), counters[4][0].__code__.co_freevars)
del counters
x = [lambda v, i=i: v * i for i in range(100000)]
print(sum(f(2) for f in x[:10]))
del x
