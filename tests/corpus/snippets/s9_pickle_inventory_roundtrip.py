import pickle
from dataclasses import dataclass, field


@dataclass
class Item:
    sku: str
    qty: int
    tags: list = field(default_factory=list)


class Inventory:
    def __init__(self):
        self.items = {}
        self.history = []

    def add(self, item):
        self.items[item.sku] = item
        self.history.append(("add", item.sku))

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["history"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.history = []


inv = Inventory()
for i in range(20000):
    inv.add(Item(f"SKU{i:05d}", i % 13, ["sale"] if i % 10 == 0 else []))
data = pickle.dumps(inv, protocol=pickle.HIGHEST_PROTOCOL)
print(len(data), len(inv.history))
copy = pickle.loads(data)
print(len(copy.items), copy.history, copy.items["SKU00010"])
print(copy.items["SKU00010"] == inv.items["SKU00010"], copy is inv)
sizes = {p: len(pickle.dumps(list(inv.items.values())[:1000], protocol=p)) for p in range(0, pickle.HIGHEST_PROTOCOL + 1)}
print(sizes)
del inv
shared = [1, 2]
pair = pickle.loads(pickle.dumps([shared, shared]))
print(pair[0] is pair[1])
try:
    pickle.dumps(lambda x: x)
except (pickle.PicklingError, AttributeError) as exc:
    print(type(exc).__name__)
del data, copy
