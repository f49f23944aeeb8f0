class LazyTable:
    loads = 0

    def __init__(self, n):
        self._n = n
        self._rows = None

    def _load(self):
        LazyTable.loads += 1
        self._rows = [(i, f"name{i}", i * 1.5) for i in range(self._n)]

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._rows is None:
            self._load()
        return getattr(self._rows, name)

    def __len__(self):
        if self._rows is None:
            self._load()
        return len(self._rows)

tables = [LazyTable(2000) for _ in range(30)]
print(LazyTable.loads)
print(tables[0].index((5, "name5", 7.5)), tables[0].count((1, "name1", 1.5)))
print(LazyTable.loads, len(tables[1]), LazyTable.loads)
for t in tables[::3]:
    t.reverse()
print(LazyTable.loads, tables[3]._rows[0])
try:
    tables[2].missing_method
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(tables[4], "_nothing"), LazyTable.loads)
for t in tables:
    t._rows = None
print(sum(t._rows is None for t in tables))
