def make_averager():
    series = []
    total = 0

    def averager(value):
        nonlocal total
        series.append(value)
        total += value
        return total / len(series)

    return averager


def make_counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start

    return inc, reset


avg = make_averager()
for i in range(200000):
    result = avg(i)
print(result, avg.__code__.co_freevars, len(avg.__closure__[0].cell_contents))
inc, reset = make_counter(10)
print(inc(), inc(5), reset(), inc())
averagers = [make_averager() for _ in range(3000)]
for k, a in enumerate(averagers):
    for j in range(20):
        a(j * k)
print(averagers[7](100), len(averagers))
del averagers
del avg
print(inc.__closure__[0].cell_contents)
