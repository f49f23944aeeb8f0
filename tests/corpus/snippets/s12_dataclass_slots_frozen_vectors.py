from dataclasses import dataclass, field, replace, astuple
import sys

@dataclass(slots=True, frozen=True)
class Vec:
    x: float
    y: float
    z: float = 0.0
    def norm2(self):
        return self.x * self.x + self.y * self.y + self.z * self.z

@dataclass
class Cloud:
    name: str
    points: list = field(default_factory=list)

v = Vec(1.0, 2.0)
print(v, sys.getsizeof(v), hasattr(v, "__dict__"))
cloud = Cloud("c1", [Vec(i * 0.1, -i * 0.2, i % 3) for i in range(50000)])
print(len(cloud.points), cloud.points[-1].norm2())
moved = [replace(p, z=p.z + 1) for p in cloud.points[:20000]]
print(moved[3], astuple(moved[3]))
print(len(set(cloud.points[:1000])))
try:
    v.x = 5
except Exception as e:
    print(type(e).__name__)
del cloud
del moved
print(v.norm2())
