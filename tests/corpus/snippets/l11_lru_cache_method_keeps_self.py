import functools, gc, sys, weakref

class Repo:
    def __init__(self, name):
        self.name = name
        self.payload = bytearray(50_000)

    @functools.lru_cache(maxsize=None)
    def lookup(self, key):
        return f"{self.name}:{key}" * 3

    def __repr__(self):
        return f"Repo({self.name!r})"

refs = []
for i in range(200):
    r = Repo(f"r{i}")
    for k in range(50):
        r.lookup(k)
    refs.append(weakref.ref(r))
    del r

alive = sum(1 for w in refs if w() is not None)
print("alive after del:", alive, Repo.lookup.cache_info())
Repo.lookup.cache_clear()
gc.collect()
print("alive after cache_clear:", sum(1 for w in refs if w() is not None))

errors = []
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        errors.append(e)
        return None
vals = [parse(x) for x in ["1", "x", "3", "y"] * 5000]
print(len(errors), type(errors[0].__traceback__).__name__, sys.getsizeof(errors[0]))
errors.clear()
