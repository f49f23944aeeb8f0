import sys

r = range(10_000_000)
print("range size:", sys.getsizeof(r), len(r), r[-1])
e = enumerate(r)
z = zip(r, r)
print("iterators:", sys.getsizeof(e) < 200, sys.getsizeof(z) < 200)
print(next(e), next(z))
pairs = list(zip(range(300000), range(300000, 600000)))
indexed = list(enumerate("abcdefghij" * 30000))
print("materialised:", len(pairs), len(indexed), sys.getsizeof(pairs))
del pairs
squares = list(map(lambda x: x * x, range(200000)))
print("squares:", squares[-1])
del indexed, squares
del e, z
