from dataclasses import dataclass, field, asdict


@dataclass
class Item:
    sku: str
    qty: int
    price: float
    tags: list = field(default_factory=list)


@dataclass(frozen=True)
class Key:
    shelf: int
    row: int


stock = {Key(i % 40, i % 7): [] for i in range(280)}
items = [Item(f"SKU{i:06d}", i % 13, i * 0.5, ["a"] if i % 2 else []) for i in range(30000)]
for it in items:
    stock[Key(it.qty % 40, it.qty % 7)].append(it)
print(len(stock), len(items))
dumps = [asdict(it) for it in items[:5000]]
print(dumps[3])
del items
print(sum(len(v) for v in stock.values()))
del dumps
