from dataclasses import dataclass, field, asdict
from typing import List

@dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: int

@dataclass
class Track:
    name: str
    points: List[Point] = field(default_factory=list)

tracks = {}
for t in range(50):
    tr = Track(f"track-{t}")
    for i in range(2_000):
        tr.points.append(Point(i, (i * t) % 97))
    tracks[(t, tr.name)] = tr

print(len(tracks), sum(len(t.points) for t in tracks.values()))
seen = {p for tr in tracks.values() for p in tr.points}
print(len(seen))
d = asdict(tracks[(3, "track-3")])
print(d["name"], d["points"][5])
del seen
tracks.clear()
print(len(d["points"]))
