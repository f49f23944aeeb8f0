import random
random.seed(42)
data = [random.random() for _ in range(500000)]
total = 0.0
for x in data:
    total += x
print(round(total, 3))
squares = list(map(lambda v: v * v, data))
evens = [x for i, x in enumerate(squares) if i % 2 == 0]
del data, squares
print(len(evens), max(evens) < 1.0)
s = set(int(x * 1e6) for x in evens)
print(len(s) > 0)
