import sys

# "unloading" a module to get its memory back: people delete it from sys.modules
before = set(sys.modules)
print(len(sys.modules) > 50, "json" in sys.modules)

import json
import decimal
added = sorted(set(sys.modules) - before)
print("json" in added, "decimal" in added)

data = json.dumps([{"id": i, "price": str(decimal.Decimal(i) / 7)} for i in range(2000)])
print(len(data))

for name in ("json", "decimal"):
    del sys.modules[name]
print("json" in sys.modules, "decimal" in sys.modules)
del json, decimal

main = sys.modules["__main__"]
print(main.__name__, hasattr(main, "data"))

import json
print(len(json.loads(data)), "json" in sys.modules)
del data
