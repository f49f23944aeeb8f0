import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
        self.blob = [name] * 20


def make_pairs(n):
    for i in range(n):
        a = Node(f"a{i}")
        b = Node(f"b{i}")
        a.peer = b
        b.peer = a


gc.collect()
make_pairs(5000)
found = gc.collect()
print("collected", found)
print(gc.collect())

gc.disable()
make_pairs(2000)
print(gc.isenabled(), gc.collect())
gc.enable()

class Selfish:
    def __init__(self):
        self.me = self

objs = [Selfish() for _ in range(1000)]
del objs
print(gc.collect())
d = {}
d["self"] = d
del d
print(gc.collect(), gc.collect(0))
