from collections import ChainMap
from types import SimpleNamespace

defaults = {"color": "red", "size": 10, "visible": True}
layers = []
for i in range(30_000):
    overrides = {"size": i % 50} if i % 3 else {}
    layers.append(ChainMap(overrides, defaults))
print(sum(c["size"] for c in layers), layers[4]["color"])

objs = [SimpleNamespace(id=i, name=f"n{i}", tags=[i, i + 1]) for i in range(100_000)]
print(objs[7], len(vars(objs[0])))
by_parity = {}
for o in objs:
    by_parity.setdefault(o.id % 2, []).append(o.name)
print({k: len(v) for k, v in by_parity.items()})
del objs
del layers
