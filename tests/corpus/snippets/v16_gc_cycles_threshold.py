import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


def make_pairs(n):
    out = []
    for i in range(n):
        a = Node(i)
        b = Node(-i)
        a.peer = b
        b.peer = a
        out.append(a)
    return out


print(gc.get_threshold())
pairs = make_pairs(40000)
print(len(pairs))
del pairs
print(gc.collect())
gc.set_threshold(5000, 20, 20)
for _ in range(5):
    tmp = make_pairs(8000)
    del tmp
print(gc.collect())
gc.disable()
junk = make_pairs(30000)
del junk
print(gc.collect() > 0)
gc.enable()
