def make_counter(start=0):
    count = start
    history = []
    def inc(step=1):
        nonlocal count
        count += step
        history.append(count)
        return count
    inc.history = history
    return inc

counters = [make_counter(i) for i in range(10000)]
for c in counters:
    for _ in range(5):
        c(2)
print(counters[3](), len(counters[3].history), counters[3].__closure__[0].cell_contents)
cells = [c.__closure__ for c in counters[:3]]
print(len(cells[0]), type(cells[0][0]).__name__)
adders = [lambda x, n=n: x + n for n in range(5)]
late = [lambda x: x + n for n in range(5)]
print([f(10) for f in adders], [f(10) for f in late])
del counters, cells
print(adders[4](1))
