from dataclasses import dataclass


@dataclass
class Point:
    x: float
    y: float
    label: str = ""


points = [Point(i * 0.5, i * 1.5, f"p{i}") for i in range(200000)]
far = [p for p in points if p.x > 90000]
print(len(far), far[0])
del points
