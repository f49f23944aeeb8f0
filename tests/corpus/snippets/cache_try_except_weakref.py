import gc, weakref

class Cache:
    def __init__(self):
        self._data = {}
    def get(self, key, factory):
        try:
            return self._data[key]
        except KeyError:
            value = self._data[key] = factory(key)
            return value

def make(key):
    return [key] * 1000

c = Cache()
for i in range(5000):
    c.get(i % 3000, make)
print(len(c._data))
r = weakref.ref(c)
del c
print(r() is None)
gc.collect()
