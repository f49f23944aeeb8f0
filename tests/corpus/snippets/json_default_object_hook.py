import json


class Point:
    def __init__(self, x, y, label=""):
        self.x = x
        self.y = y
        self.label = label

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.label!r})"


def encode(o):
    if isinstance(o, Point):
        return {"__point__": True, **o.__dict__}
    raise TypeError(f"cannot encode {type(o).__name__}")


def decode(d):
    if d.get("__point__"):
        return Point(d["x"], d["y"], d["label"])
    return d


points = [Point(i, i * 2, f"p{i}") for i in range(50_000)]
payload = json.dumps({"points": points, "count": len(points)}, default=encode)
print(len(payload))

del points
restored = json.loads(payload, object_hook=decode)
print(restored["points"][:2], restored["count"])

pretty = json.dumps(json.loads(payload)["points"][:100], indent=2, sort_keys=True)
print(pretty[:60])
del payload
