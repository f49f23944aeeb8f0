from types import SimpleNamespace
import sys

rows = [SimpleNamespace(id=i, name=f"item{i}", price=i * 0.1, tags=["a"] if i % 2 else []) for i in range(60000)]
print(rows[5])
print(sys.getsizeof(rows[0]), sys.getsizeof(vars(rows[0])))

for r in rows[::3]:
    r.discount = 0.9
print(sum(1 for r in rows if hasattr(r, "discount")))

cheap = [r for r in rows if r.price < 100]
print(len(cheap))

as_dicts = [vars(r).copy() for r in cheap]
print(as_dicts[0])

same = SimpleNamespace(**as_dicts[0]) == cheap[0]
print(same)
del rows, cheap, as_dicts
print("ok")
