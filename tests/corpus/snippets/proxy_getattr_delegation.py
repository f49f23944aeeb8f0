# A logging proxy built on __getattr__ (delegation instead of inheritance).


class CountingProxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_calls", {})

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        self._calls[name] = self._calls.get(name, 0) + 1
        if callable(attr):
            def wrapper(*args, **kwargs):
                return attr(*args, **kwargs)
            return wrapper
        return attr

    def __setattr__(self, name, value):
        setattr(self._target, name, value)

    def __len__(self):
        return len(self._target)


class Inventory:
    def __init__(self):
        self.items = {}
        self.owner = "shop"

    def add(self, sku, qty=1):
        self.items[sku] = self.items.get(sku, 0) + qty

    def total(self):
        return sum(self.items.values())

    def __len__(self):
        return len(self.items)


inv = CountingProxy(Inventory())
for i in range(60_000):
    inv.add(f"sku-{i % 15_000}", qty=i % 5)
print("skus:", len(inv), "total:", inv.total())
print("owner:", inv.owner)
inv.owner = "warehouse"
print("owner now:", inv._target.owner)
print("calls:", inv._calls)

proxies = [CountingProxy([i]) for i in range(30_000)]
print("append through proxy:", sum(p.count(0) for p in proxies))
try:
    inv.missing
except AttributeError as e:
    print("AttributeError:", e)
del proxies
