from functools import total_ordering


@total_ordering
class Version:
    __slots__ = ("major", "minor", "patch")

    def __init__(self, text: str):
        self.major, self.minor, self.patch = (int(p) for p in text.split("."))

    def _key(self):
        return (self.major, self.minor, self.patch)

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return f"Version('{self.major}.{self.minor}.{self.patch}')"


versions = [Version(f"{i % 7}.{(i * 13) % 50}.{i % 101}") for i in range(80_000)]
print("made", len(versions))

ordered = sorted(versions)
print("lowest", ordered[0], "highest", ordered[-1])
print("newer than 3.0.0:", sum(v >= Version("3.0.0") for v in versions))
print("max:", max(versions), "min:", min(versions))

unique = set(versions)
print("unique", len(unique))
del ordered
latest_by_major = {}
for v in versions:
    if v.major not in latest_by_major or v > latest_by_major[v.major]:
        latest_by_major[v.major] = v
print(latest_by_major)
del versions, unique
