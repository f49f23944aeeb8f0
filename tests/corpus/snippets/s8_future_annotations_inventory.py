from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Item:
    sku: str
    name: str
    price_cents: int
    tags: list[str] = field(default_factory=list)


@dataclass
class Warehouse:
    code: str
    stock: dict[str, int] = field(default_factory=dict)
    items: dict[str, Item] = field(default_factory=dict)

    def receive(self, item: Item, qty: int) -> None:
        self.items.setdefault(item.sku, item)
        self.stock[item.sku] = self.stock.get(item.sku, 0) + qty

    def value(self) -> int:
        return sum(self.items[s].price_cents * q for s, q in self.stock.items())

    def find(self, sku: str) -> Optional[Item]:
        return self.items.get(sku)


wh = Warehouse("BER-1")
for i in range(60000):
    item = Item(f"SKU{i:06d}", f"widget {i}", 100 + i % 997, ["blue"] if i % 3 == 0 else [])
    wh.receive(item, 1 + i % 7)
print(len(wh.items), wh.value())
print(wh.find("SKU000042"))
print(Warehouse.__annotations__)
wh.items.clear()
wh.stock.clear()
print(len(wh.items), wh.value())
