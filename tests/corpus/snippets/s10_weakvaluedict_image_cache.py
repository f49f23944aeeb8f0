import weakref
import gc


class Image:
    def __init__(self, name, size):
        self.name = name
        self.pixels = bytearray(size)

    def __repr__(self):
        return f"Image({self.name!r}, {len(self.pixels)})"


cache = weakref.WeakValueDictionary()


def load(name):
    img = cache.get(name)
    if img is None:
        img = Image(name, 200000)
        cache[name] = img
    return img


in_use = [load(f"img{i % 40}") for i in range(200)]
print(len(cache), len(in_use), in_use[0] is in_use[40])
del in_use[:100]
print(len(cache))
in_use = [x for x in in_use if int(x.name[3:]) < 10]
print(len(cache), sorted(cache.keys())[:3])
del in_use
gc.collect()
print(len(cache), list(cache.items()))
keep = load("hero")
print(cache["hero"], "hero" in cache)
del keep
print("hero" in cache)
