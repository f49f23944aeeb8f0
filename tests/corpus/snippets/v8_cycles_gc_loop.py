import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


print(gc.get_threshold())
for i in range(30000):
    a = Node("a%d" % i)
    b = Node("b%d" % i)
    a.peer = b
    b.peer = a
del a, b
print(gc.get_count()[0] < 5000)
found = gc.collect()
print(found > 0)
keep = []
for i in range(5000):
    n = Node(i)
    n.peer = n
    keep.append(n)
keep.clear()
print(gc.collect())
