from dataclasses import dataclass, field, asdict
from typing import List, Dict


@dataclass
class Item:
    sku: str
    qty: int = 0
    tags: List[str] = field(default_factory=list)


@dataclass
class Warehouse:
    name: str
    items: Dict[str, Item] = field(default_factory=dict)

    def add(self, sku, qty, *tags):
        item = self.items.setdefault(sku, Item(sku))
        item.qty += qty
        item.tags.extend(tags)


wh = Warehouse("north")
for i in range(30000):
    wh.add(f"SKU{i % 12000:05d}", i % 9, "bulk" if i % 3 else "single")
print(len(wh.items), wh.items["SKU00007"])

snapshot = [asdict(it) for it in wh.items.values()]
print("snapshot rows:", len(snapshot), snapshot[0])

low = [it.sku for it in wh.items.values() if it.qty < 5]
print("low stock:", len(low))

del snapshot
wh.items.clear()
print("cleared", len(wh.items))
