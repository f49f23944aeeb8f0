# "Are map/zip/filter lazy in Python 3?" -- yes: getsizeof of the iterator vs the list.
from sys import getsizeof

xs = list(range(1_000_000))
ys = [x * 2 for x in xs]

m = map(lambda x: x * x, xs)
z = zip(xs, ys)
f = filter(lambda x: x % 3 == 0, xs)
print("lazy sizes:", getsizeof(m), getsizeof(z), getsizeof(f))

squares = list(m)
pairs = list(z)
thirds = list(f)
print("materialised:", getsizeof(squares), getsizeof(pairs), getsizeof(thirds))

total = sum(a + b for a, b in zip(xs, ys))
print("total:", total)

enum_size = getsizeof(enumerate(xs))
rev = reversed(xs)
print("enumerate", enum_size, "reversed", getsizeof(rev), next(rev))

del pairs, squares
evens = dict(zip(map(str, range(0, 200_000, 2)), range(100_000)))
print("dict from zip:", len(evens))
del xs, ys, thirds, evens
