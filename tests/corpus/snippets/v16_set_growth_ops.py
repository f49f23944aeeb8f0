import random

random.seed(7)
a = set()
for _ in range(200000):
    a.add(random.randrange(1000000))
print(len(a))
b = {x for x in range(0, 1000000, 3)}
print(len(b))
inter = a & b
print(len(inter))
uni = a | b
print(len(uni))
del b
a -= inter
print(len(a))
fs = frozenset(list(uni)[:50000])
print(len(fs))
del uni, inter
a.clear()
print(len(a), len(fs))
del fs, a
