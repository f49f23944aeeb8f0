import sys

base = ["GET", "POST", "PUT", "DELETE"]
raw = [("".join(list(base[i % 4])), f"/api/v1/{'users' if i % 2 else 'orders'}") for i in range(100000)]
print(raw[0][0] is raw[4][0], raw[0][0] == raw[4][0])
interned = [(sys.intern(m), sys.intern(p)) for m, p in raw]
print(interned[0][0] is interned[4][0], interned[1][1] is interned[3][1])
del raw
print(len({id(m) for m, _ in interned}), len({id(p) for _, p in interned}))
a = "hello_world"
b = "hello_" + "world"
print(a is b)
c = "".join(["hello_", "world"])
print(a is c, a is sys.intern(c))
keys = {sys.intern(f"field_{i}"): i for i in range(1000)}
print(len(keys))
del interned
