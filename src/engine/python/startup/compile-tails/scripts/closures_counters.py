def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


counters = [make_counter() for _ in range(1000)]
for c in counters:
    c()
    c(2)
del counters
