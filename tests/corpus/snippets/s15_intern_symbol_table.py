import sys
import random

random.seed(4)
raw = [f"sym_{random.randint(0, 3000)}" for _ in range(200000)]
print(len(raw), len(set(map(id, raw))))

symbols = [sys.intern(s) for s in raw]
print(len(set(map(id, symbols))))
del raw

table = {}
for s in symbols:
    table[s] = table.get(s, 0) + 1
print(len(table), max(table.values()))
a = "".join(["sym_", "12"])
print(a is "sym_12", sys.intern(a) is sys.intern("sym_12"))
keys = [sys.intern(f"key{i}") for i in range(50000)]
print(len(keys), keys[-1])
del symbols, keys
del table
