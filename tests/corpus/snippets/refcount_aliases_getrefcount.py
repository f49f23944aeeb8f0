# "Why is sys.getrefcount one more than I expect, and why doesn't del free my list?"
import sys

data = [bytearray(1024) for _ in range(5_000)]
print("refcount of data:", sys.getrefcount(data))

alias = data
holder = {"payload": data}
views = [data] * 3
print("after aliases:", sys.getrefcount(data))

del data
print("alias still there:", len(alias), sys.getrefcount(alias))

del holder["payload"]
views.clear()
print("after dropping dict and list refs:", sys.getrefcount(alias))

item = alias[0]
print("first item refs:", sys.getrefcount(item))


def keep(obj, store=[]):
    store.append(obj)
    return sys.getrefcount(obj)


print("inside function:", keep(alias))
del alias
print("item survives via default arg:", len(keep.__defaults__[0][0]), sys.getrefcount(item))
keep.__defaults__[0].clear()
del item
print("now freed")
