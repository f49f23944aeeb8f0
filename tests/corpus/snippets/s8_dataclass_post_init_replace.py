from dataclasses import asdict, astuple, dataclass, field, fields, replace
from typing import List


@dataclass(order=True)
class LineItem:
    sort_index: float = field(init=False, repr=False)
    product: str
    quantity: int = 1
    unit_price: float = 0.0
    notes: List[str] = field(default_factory=list, compare=False)

    def __post_init__(self):
        if self.quantity < 0:
            raise ValueError("quantity must be >= 0")
        self.sort_index = self.quantity * self.unit_price

    @property
    def total(self) -> float:
        return self.quantity * self.unit_price


@dataclass(frozen=True)
class Invoice:
    number: str
    items: tuple = ()


items = [LineItem(f"p{i}", i % 12, round(i * 0.37, 2)) for i in range(60000)]
print(items[5], items[5].total)
print(sorted(items[:6])[0].product, max(items).product)
bumped = [replace(it, quantity=it.quantity + 1) for it in items[:20000]]
print(bumped[0], bumped[0] == items[0], bumped[0].sort_index)
as_dicts = [asdict(it) for it in items[:10000]]
print(as_dicts[1], astuple(items[2]))
print([f.name for f in fields(LineItem)])
inv = Invoice("INV-1", tuple(items[:3]))
try:
    inv.number = "X"
except Exception as e:
    print(type(e).__name__, e)
try:
    LineItem("bad", -1)
except ValueError as e:
    print("ValueError:", e)
print(hash(Invoice("A")) == hash(Invoice("A")), inv.items[0].product)
del items, bumped, as_dicts
