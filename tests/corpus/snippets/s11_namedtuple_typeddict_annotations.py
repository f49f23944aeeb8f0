from typing import NamedTuple, TypedDict, Optional, List
import sys

class Point(NamedTuple):
    x: float
    y: float
    label: Optional[str] = None

    def dist2(self) -> float:
        return self.x * self.x + self.y * self.y

class Movie(TypedDict):
    title: str
    year: int
    cast: List[str]

def make_points(n: int) -> List[Point]:
    return [Point(i * 0.5, i * 0.25) for i in range(n)]

pts = make_points(50000)
print(pts[3], pts[3].dist2(), pts[3]._asdict())
print(sys.getsizeof(pts[0]), Point._fields, Point._field_defaults)
moved = [p._replace(label="far") for p in pts if p.dist2() > 1e8]
print(len(moved), moved[0])

movies: List[Movie] = [{"title": f"Film {i}", "year": 1990 + i % 30, "cast": ["a", "b"]} for i in range(10000)]
print(movies[1], Movie.__annotations__["year"], type(movies[1]))
print(make_points.__annotations__)
del pts, moved
print(len(movies))
