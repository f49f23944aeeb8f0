"""A parts tree whose type hints name the class itself (PEP 563 postponed annotations)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Part:
    name: str
    weight: float
    children: list[Part] = field(default_factory=list)

    def total(self) -> float:
        return self.weight + sum(c.total() for c in self.children)


root = Part("root", 0.0)
for i in range(2000):
    p = Part(f"part{i}", i * 0.5)
    for j in range(10):
        p.children.append(Part(f"part{i}.{j}", 0.1 * j))
    root.children.append(p)
print(round(root.total(), 2))
print(Part.__annotations__)
del root, p
