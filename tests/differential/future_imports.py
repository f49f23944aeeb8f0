"""Differential script: a module that opens with a docstring and `from __future__` imports (PEP 563
annotations kept as strings, the __future__ module's features), as modern code starts."""
from __future__ import annotations
from __future__ import division, generator_stop
import __future__
import dataclasses
import typing


@dataclasses.dataclass
class Point:
    x: int
    y: list[int] | None = None
    tags: "dict[str, Point]" = dataclasses.field(default_factory=dict)


def area(p: Point, scale: UndefinedName = 1) -> float:
    return p.x * scale


class Node:
    parent: Node | None
    children: list[Node]

    def add(self, other: Node) -> Node:
        return other


print(Point.__annotations__)
print(area.__annotations__, Node.__annotations__, Node.add.__annotations__)
print(__doc__.splitlines()[0], annotations, division.getMandatoryRelease(), generator_stop.compiler_flag)
print(__future__.all_feature_names, __future__.CO_FUTURE_ANNOTATIONS, __future__.nested_scopes.getOptionalRelease())
print(sorted(k for k in dir(__future__) if not k.startswith("__")))
print(Point(1), area(Point(3)), typing.get_type_hints(area, localns={"UndefinedName": int}))
print([f.name for f in dataclasses.fields(Point)], dataclasses.fields(Point)[1].type)
