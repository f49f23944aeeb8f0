import statistics, itertools, textwrap
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple
from datetime import datetime, timedelta
from enum import Enum, auto

class Kind(Enum):
    SMALL = auto()
    LARGE = auto()

class Sample(NamedTuple):
    name: str
    value: float

@dataclass
class Batch:
    label: str
    samples: list = field(default_factory=list)

    @cached_property
    def total(self):
        return sum(s.value for s in self.samples)

batches = [Batch(f"b{i}") for i in range(50)]
for i in range(20000):
    batches[i % 50].samples.append(Sample(f"s{i}", (i * 37 % 101) / 7))
totals = [b.total for b in batches]
print(f"{statistics.mean(totals):,.3f} {statistics.median(totals):.2f} {statistics.stdev(totals):.4f}")
print(statistics.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]))
matrix = [[i * j for j in range(5)] for i in range(4)]
print(list(zip(*matrix))[1])
words = sorted("the quick brown fox jumps over the lazy dog then the end".split(), key=len)
for k, g in itertools.groupby(words, key=len):
    print(k, list(g))
print(textwrap.shorten("The quick brown fox jumps over the lazy dog " * 3, width=40))
start = datetime(2024, 1, 31, 12, 30)
print(start + timedelta(days=30, hours=5), (start - datetime(2023, 12, 25)).days)
kinds = {Kind.SMALL: 0, Kind.LARGE: 0}
for b in batches:
    kinds[Kind.LARGE if b.total > 5700 else Kind.SMALL] += 1
print(kinds, Kind.SMALL.name, Kind.LARGE.value)
print(max(batches, key=lambda b: b.total).label, min(totals) / max(totals))
print(statistics.quantiles(totals, n=4), statistics.fmean(totals), statistics.geometric_mean([1, 2, 4, 8]))
print(statistics.harmonic_mean([40, 60]), statistics.mode([1, 1, 2, 3]), statistics.multimode("aabbc"))
