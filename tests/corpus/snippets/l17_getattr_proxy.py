class Record:
    def __init__(self, **fields):
        self._fields = fields

    def __getattr__(self, name):
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self._fields[name] = value

    def __len__(self):
        return len(self._fields)

    def __contains__(self, key):
        return key in self._fields

rows = [Record(id=i, name=f"row{i}", score=i % 97) for i in range(150_000)]
for r in rows[::3]:
    r.flag = True
print(rows[3].flag, len(rows[3]), "flag" in rows[4])
print(hasattr(rows[1], "flag"), getattr(rows[1], "missing", "default"))
high = [r for r in rows if r.score > 90]
print(len(high), high[0].name)
del rows
del high
