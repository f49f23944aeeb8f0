import weakref
import gc

class Image:
    def __init__(self, name, size):
        self.name = name
        self.pixels = bytearray(size)

    def __repr__(self):
        return f"Image({self.name!r}, {len(self.pixels)})"

_cache = weakref.WeakValueDictionary()

def load(name):
    img = _cache.get(name)
    if img is None:
        img = Image(name, 2048)
        _cache[name] = img
    return img

held = [load(f"img{i}") for i in range(20000)]
print("cached:", len(_cache))

again = [load(f"img{i}") for i in range(0, 20000, 2)]
print(again[0] is held[0], len(_cache))

del held
gc.collect()
print("after del held:", len(_cache))

del again
print("after del again:", len(_cache))
print(list(_cache.keys())[:3])
