from dataclasses import dataclass, field, asdict, astuple
from typing import List


@dataclass(order=True)
class Item:
    sku: str
    qty: int = 0
    tags: List[str] = field(default_factory=list, compare=False)

    def __post_init__(self):
        if self.qty < 0:
            raise ValueError(f"qty < 0 for {self.sku}")


@dataclass
class Warehouse:
    name: str
    items: List[Item] = field(default_factory=list)

    def total(self):
        return sum(i.qty for i in self.items)


wh = Warehouse("main")
bad = 0
for i in range(40000):
    try:
        wh.items.append(Item(f"sku{i:05d}", (i % 50) - 2, ["a"] if i % 2 else []))
    except ValueError:
        bad += 1
print(len(wh.items), bad, wh.total())
print(wh.items[0], asdict(wh.items[1]), astuple(wh.items[2]))
print(sorted(wh.items[:5], reverse=True)[0].sku, Item("x", 1) == Item("x", 1, ["z"]))
dump = [asdict(i) for i in wh.items]
print(len(dump), dump[-1])
del dump
wh.items.clear()
print(wh)
