def make_counters(n):
    counters = []
    for i in range(n):
        def counter(start=i):
            count = start
            def step():
                nonlocal count
                count += 1
                return count
            return step
        counters.append(counter())
    return counters


cs = make_counters(20000)
print(cs[5](), cs[5]())
total = sum(x * 2 for x in range(500000))
print(total)
pairs = list(zip(range(100000), (str(i) for i in range(100000))))
print(pairs[-1])
del cs, pairs
