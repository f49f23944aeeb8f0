from collections import deque


def readings(n):
    for i in range(n):
        yield (i * 7919) % 1000 / 10.0


def moving_average(source, width):
    window = deque(maxlen=width)
    total = 0.0
    for value in source:
        if len(window) == width:
            total -= window[0]
        window.append(value)
        total += value
        yield total / len(window)


averages = list(moving_average(readings(200000), 50))
print(len(averages), round(averages[-1], 3))
peaks = [i for i, v in enumerate(averages) if v > 52]
print(len(peaks))
del averages
gen = moving_average(readings(10**9), 10)
first = [next(gen) for _ in range(1000)]
print(round(sum(first), 2))
gen.close()
del gen, first, peaks
