import tracemalloc
from dataclasses import dataclass, field

@dataclass
class Order:
    oid: int
    items: list = field(default_factory=list)
    note: str = ""

    def total(self):
        return sum(p * q for p, q in self.items)

def main():
    tracemalloc.start()
    orders = [Order(i, [(1.5, 2), (3.0, i % 5)], note=f"order-{i}") for i in range(20000)]
    cur, peak = tracemalloc.get_traced_memory()
    print(f"{len(orders)} orders, traced {cur // 1024} KiB, peak {peak // 1024} KiB")
    best = max(orders, key=Order.total)
    print(best)
    orders.clear()
    cur2, _ = tracemalloc.get_traced_memory()
    print(f"after clear {cur2 // 1024} KiB")
    tracemalloc.stop()
    return best

if __name__ == "__main__":
    kept = main()
    print(kept.oid)
