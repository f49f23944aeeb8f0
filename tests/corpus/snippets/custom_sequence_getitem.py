from collections.abc import Sequence


class Ring(Sequence):
    """A read-only circular view over a list: supports ints and slices."""

    def __init__(self, data, offset=0):
        self._data = data
        self._offset = offset

    def __len__(self):
        return len(self._data)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("ring index out of range")
        return self._data[(index + self._offset) % len(self._data)]


base = list(range(200_000))
ring = Ring(base, offset=150_000)
print("len", len(ring), "first", ring[0], "last", ring[-1])

part = ring[10:40_000:3]
print("slice", len(part), part[:3])

print("contains 5:", 5 in ring, "index of 0:", ring.index(0))
print("count of 7:", ring.count(7))

copied = list(ring)
print("list(ring)", len(copied), copied[49_999:50_001])
back = list(reversed(ring))
print("reversed head", back[:2])

for i, v in enumerate(ring):
    if i == 3:
        break
try:
    ring[500_000]
except IndexError as e:
    print("IndexError:", e)
del copied, back, part
