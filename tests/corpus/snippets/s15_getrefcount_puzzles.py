import sys

big = [0] * 100000
print(sys.getrefcount(big))
alias = big
holder = {"a": big, "b": [big, big]}
print(sys.getrefcount(big))


def peek(obj):
    return sys.getrefcount(obj)


print(peek(big))
del alias, holder
print(sys.getrefcount(big))
print(sys.getrefcount(None) > 1000, sys.getrefcount(1) > 50)
s = "refcount-" + str(len(big))
print(sys.getrefcount(s))
items = [s] * 1000
print(sys.getrefcount(s))
del items
objs = [object() for _ in range(50000)]
print(sys.getrefcount(objs[0]), sys.getrefcount(object()))
del big, objs
