import gc, weakref

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Graph:
    def __init__(self):
        self.nodes = {}
    def add(self, p, q):
        self.nodes.setdefault(p, set()).add(q)
        self.nodes.setdefault(q, set()).add(p)

g = Graph()
for i in range(20000):
    g.add(Point(i, i % 100), Point(i + 1, (i + 1) % 100))
print(len(g.nodes), Point(5, 5) in g.nodes)

class Parent:
    def __init__(self):
        self.children = []
class Child:
    def __init__(self, parent):
        self.parent = parent
        parent.children.append(self)

roots = []
for i in range(3000):
    p = Parent()
    for j in range(10):
        Child(p)
    roots.append(p)
probe = weakref.ref(roots[0])
del roots
print(probe() is None)
print(gc.collect())
print(probe() is None)
del g
print(gc.collect())
