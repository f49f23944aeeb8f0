import gc
import weakref


class Thumbnail:
    def __init__(self, key, size):
        self.key = key
        self.pixels = bytearray(size)

    def __repr__(self):
        return f"Thumbnail({self.key!r}, {len(self.pixels)})"


cache = weakref.WeakValueDictionary()


def get_thumbnail(key):
    thumb = cache.get(key)
    if thumb is None:
        thumb = Thumbnail(key, 20000)
        cache[key] = thumb
    return thumb


in_use = [get_thumbnail(f"img{i % 500}") for i in range(2000)]
print(len(cache), len(in_use), in_use[0] is in_use[500])
del in_use
print("after del", len(cache))
pinned = [get_thumbnail(f"img{i}") for i in range(300)]
print(len(cache), list(cache.keys())[:3])
pinned = pinned[:50]
gc.collect()
print(len(cache), sorted(cache)[:2])
ref = weakref.ref(pinned[0])
print(ref(), ref() is pinned[0])
del pinned
print(ref(), len(cache))
