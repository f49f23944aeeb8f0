from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)


items = [Item(f"item{i}", i * 1.5) for i in range(3000)]
expensive = [it for it in items if it.price > 100]
del items
