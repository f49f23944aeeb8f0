from dataclasses import dataclass, field, asdict


@dataclass(order=True)
class Item:
    price: float
    name: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class Key:
    shop: int
    sku: str


inventory = {}
for i in range(30000):
    k = Key(i % 10, f"SKU-{i:06d}")
    inventory[k] = Item(price=(i * 37) % 1000 / 10, name=f"item {i}", tags=["new"] if i % 3 else [])

cheapest = sorted(inventory.values())[:5]
print([c.name for c in cheapest])
dumped = [asdict(v) for v in inventory.values()]
print(len(dumped), dumped[0])
del dumped
inventory.clear()
