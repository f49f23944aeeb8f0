import tracemalloc

class Plain:
    def __init__(self, x, y, z):
        self.x = x; self.y = y; self.z = z

class Slotted:
    __slots__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        self.x = x; self.y = y; self.z = z

def measure(factory, n=100000):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    items = [factory(i) for i in range(n)]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return items, (after - before) / n

results = {}
for label, factory in [
    ("tuple", lambda i: (i, i * 2, i * 3)),
    ("dict", lambda i: {"x": i, "y": i * 2, "z": i * 3}),
    ("plain", lambda i: Plain(i, i * 2, i * 3)),
    ("slots", lambda i: Slotted(i, i * 2, i * 3)),
]:
    items, per = measure(factory)
    results[label] = round(per)
    del items

for k, v in sorted(results.items(), key=lambda kv: kv[1]):
    print(f"{k:6} ~{v} bytes per object")
print(results["slots"] < results["plain"], results["tuple"] < results["dict"])
