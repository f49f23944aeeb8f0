import sys
from dataclasses import dataclass, field, FrozenInstanceError


@dataclass(slots=True, frozen=True)
class Coord:
    lat: float
    lon: float


@dataclass
class Place:
    name: str
    where: Coord
    tags: list = field(default_factory=list)


coords = [Coord(i % 90, i % 180) for i in range(60000)]
unique = set(coords)
print(len(coords), len(unique))
print(coords[100], hash(coords[100]) == hash(Coord(10, 100)))
print(sys.getsizeof(coords[0]), hasattr(coords[0], "__dict__"), Coord.__slots__)
try:
    coords[0].lat = 5
except FrozenInstanceError as exc:
    print("frozen:", exc)
places = [Place(f"p{i}", coords[i]) for i in range(0, 60000, 6)]
places[0].tags.append("home")
print(places[0], len(places))
print(places[1] == Place("p6", Coord(6, 6)))
del coords
print(len(unique))
unique.clear()
print(places[-1].where)
