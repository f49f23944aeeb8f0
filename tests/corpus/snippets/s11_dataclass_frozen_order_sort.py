from dataclasses import dataclass, FrozenInstanceError
import random

@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int = 0

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"

random.seed(11)
versions = [Version(random.randint(0, 5), random.randint(0, 20), random.randint(0, 9)) for _ in range(30000)]
unique = set(versions)
print(len(versions), len(unique))

ordered = sorted(unique)
print(ordered[0], ordered[-1], max(versions) == ordered[-1])

try:
    ordered[0].major = 99
except FrozenInstanceError as e:
    print("frozen:", e)

lookup = {v: str(v) for v in ordered}
print(lookup[Version(1, 2, 3)] if Version(1, 2, 3) in lookup else "missing")
print(Version(1, 2) < Version(1, 2, 1), hash(Version(1, 2)) == hash(Version(1, 2, 0)))
del versions
print(len(lookup))
