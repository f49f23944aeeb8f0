class Registry:
    plugins = {}
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        Registry.plugins[key or cls.__name__.lower()] = cls

class Csv(Registry, key="csv"):
    def load(self, n): return [str(i).zfill(8) for i in range(n)]

class Tsv(Registry):
    def load(self, n): return ["\t".join(("a", str(i))) for i in range(n)]

loaded = {k: cls().load(100000) for k, cls in Registry.plugins.items()}
print(sorted(loaded), [len(v) for v in loaded.values()])
try:
    raise ValueError("bad row")
except ValueError as e:
    e.add_note("while loading tsv")
    print(e.__notes__)
try:
    raise ExceptionGroup("many", [KeyError("k"), TypeError("t")])
except* KeyError as eg:
    print("keys", eg.exceptions)
except* TypeError as eg:
    print("types", len(eg.exceptions))
del loaded
