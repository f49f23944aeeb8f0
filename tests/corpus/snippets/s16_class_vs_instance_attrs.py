import sys

class Config:
    defaults = {"timeout": 30, "retries": 3}
    tags = []

    def __init__(self, name):
        self.name = name

class Cell:
    counter = 0

    def __init__(self, value):
        self.value = value
        Cell.counter += 1
        self.history = []

configs = [Config(f"c{i}") for i in range(20000)]
for c in configs[:10000]:
    c.tags.append(c.name)
print(len(Config.tags), configs[0].tags is configs[-1].tags)

for c in configs[::2]:
    c.defaults = dict(c.defaults)
    c.defaults["timeout"] = 60
print(sum(1 for c in configs if "defaults" in vars(c)))

cells = [Cell(i) for i in range(80000)]
for c in cells[:40000]:
    c.history.append(c.value)
print(Cell.counter, sys.getsizeof(vars(cells[0])))

del configs
Config.tags.clear()
del cells
print(Cell.counter)
