from dataclasses import dataclass, field, asdict, astuple
from typing import List, Dict

@dataclass
class Item:
    name: str
    qty: int = 1

@dataclass
class Cart:
    owner: str
    items: List[Item] = field(default_factory=list)
    meta: Dict[str, str] = field(default_factory=dict)
    total: float = field(default=0.0, repr=False)

carts = []
for i in range(6000):
    c = Cart(f"user{i}")
    for j in range(i % 5):
        c.items.append(Item(f"thing{j}", j + 1))
    c.meta["region"] = "eu" if i % 2 else "us"
    carts.append(c)

print(carts[4])
print(carts[0].items is carts[1].items)

dicts = [asdict(c) for c in carts]
print(dicts[3])
print(astuple(carts[2]))
print(sum(len(d["items"]) for d in dicts))
del carts
print(len(dicts), dicts[-1]["meta"])
