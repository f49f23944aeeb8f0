import weakref

class Record:
    def __init__(self, key):
        self.key = key
        self.payload = [key] * 50

cache = weakref.WeakValueDictionary()

def load(key):
    rec = cache.get(key)
    if rec is None:
        rec = Record(key)
        cache[key] = rec
    return rec

held = [load(k % 20000) for k in range(40000)]
print("held:", len(held), "cached:", len(cache))
del held[::2]
print("after dropping half:", len(cache))
held.clear()
print("after clear:", len(cache))
