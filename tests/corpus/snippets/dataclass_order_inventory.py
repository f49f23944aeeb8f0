from dataclasses import dataclass, field, asdict
from typing import List


@dataclass(order=True)
class Item:
    sort_index: float = field(init=False, repr=False)
    name: str
    price: float
    quantity: int = 0
    tags: List[str] = field(default_factory=list)

    def __post_init__(self):
        self.sort_index = self.price * self.quantity


@dataclass(frozen=True)
class Location:
    aisle: int
    shelf: int


inventory = [Item(f"item-{i}", (i % 500) / 10, i % 37, ["bulk"] if i % 5 == 0 else []) for i in range(60_000)]
where = {item.name: Location(i % 40, i % 12) for i, item in enumerate(inventory)}

inventory.sort(reverse=True)
print(inventory[0])

as_dicts = [asdict(item) for item in inventory[:10_000]]
print(as_dicts[0])

cheap = [item for item in inventory if item.price < 5]
del inventory, as_dicts
print(len(cheap), len(where))
