# title: Set algebra and dict merges
a = set(range(0, 400000, 2))
b = set(range(0, 400000, 3))
both = a & b
either = a | b
only_a = a - b
d1 = {i: i for i in range(100000)}
d2 = {i: -i for i in range(50000, 150000)}
merged = {**d1, **d2}
d1.update(d2)
del a, b, both
del either, only_a
del d1, d2, merged
