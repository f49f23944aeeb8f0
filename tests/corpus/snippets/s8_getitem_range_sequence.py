from collections.abc import Sequence


class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.n))]
        if index < 0:
            index += self.n
        if not 0 <= index < self.n:
            raise IndexError("Squares index out of range")
        return index * index


class Ring(Sequence):
    def __init__(self, items):
        self._items = list(items)

    def __len__(self):
        return len(self._items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Ring(self._items[i])
        return self._items[i % len(self._items)]

    def __repr__(self):
        return f"Ring({self._items[:4]}...)"


sq = Squares(1_000_000)
print(sq[10], sq[-1], len(sq), sq[5:50:10])
print(49 in sq, 50 in sq)
total = 0
for v in sq:
    total += v
print(total)
try:
    sq[1_000_000]
except IndexError as e:
    print("IndexError:", e)
print(list(reversed(Squares(5))), sorted(Squares(4), reverse=True))
evens = sq[::2]
print(len(evens), evens[-1])
r = Ring(range(100000))
print(r[100005], r.index(99999), r[10:20], 5 in r)
print(isinstance(r, Sequence), isinstance(sq, Sequence), list(reversed(r[0:3])))
del evens, r
