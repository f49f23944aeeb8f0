import sys


class Config:
    def __init__(self, name):
        self.name = name
        self.enabled = True

    def __repr__(self):
        return f"Config({self.name!r})"


configs = [Config(f"c{i}") for i in range(100000)]
print(sys.getsizeof(configs[0]), configs[0])
for i, c in enumerate(configs):
    c.retries = i % 5
    c.timeout = 1.5
print(vars(configs[1]))
for c in configs[:30000]:
    c.extra1 = 1
    c.extra2 = 2
    c.extra3 = 3
print(len(vars(configs[0])))
for c in configs[:10000]:
    del c.enabled
by_name = {c.name: c for c in configs}
print(len(by_name))
del configs
by_name.clear()
