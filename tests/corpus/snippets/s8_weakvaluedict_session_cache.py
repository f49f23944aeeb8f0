import gc
import weakref


class Session:
    def __init__(self, sid, user):
        self.sid = sid
        self.user = user
        self.cart = [f"item-{k}" for k in range(50)]

    def __repr__(self):
        return f"<Session {self.sid} {self.user}>"


cache = weakref.WeakValueDictionary()
active = []
for i in range(20000):
    s = Session(i, f"user{i % 700}")
    cache[i] = s
    if i % 4 == 0:
        active.append(s)
del s
print(len(cache), len(active))
print(cache.get(8), cache.get(9))
active = active[: len(active) // 2]
print(len(cache))
keys = list(cache.keys())[:3]
print(keys, 4 in cache, 5 in cache)
strong = cache[4]
active.clear()
gc.collect()
print(len(cache), list(cache.values()))
refs = [weakref.ref(strong)]
print(refs[0]() is strong, weakref.getweakrefcount(strong))
del strong
print(refs[0](), len(cache))
ids = weakref.WeakKeyDictionary()
objs = [Session(i, "k") for i in range(1000)]
for o in objs:
    ids[o] = o.sid * 2
print(len(ids))
del objs[::2]
print(len(ids))
