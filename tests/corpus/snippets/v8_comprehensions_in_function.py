def squares(n):
    return [i * i for i in range(n)]


def index_by_mod(n, m):
    return {i: i % m for i in range(n)}


def scaled(values, factor):
    return [(lambda v: v * factor)(v) for v in values]


def distinct_mods(n):
    return {i % 1000 for i in range(n)}


s = squares(200000)
print(len(s), s[-1])
d = index_by_mod(100000, 7)
print(len(d))
t = scaled(range(50000), 3)
print(t[-1])
u = distinct_mods(300000)
print(len(u))
del s, d, t, u
