import weakref


class Image:
    def __init__(self, name):
        self.name = name
        self.pixels = bytearray(50000)


cache = weakref.WeakValueDictionary()
strong = []
for i in range(2000):
    img = Image(f"img{i}")
    cache[img.name] = img
    if i % 10 == 0:
        strong.append(img)

del img
print(len(cache), "images still reachable through the cache")
strong.clear()
print(len(cache))
