import gc


class Parent:
    def __init__(self, name):
        self.name = name
        self.children = []


class Child:
    def __init__(self, parent, idx):
        self.parent = parent
        self.idx = idx
        parent.children.append(self)


families = []
for i in range(20000):
    p = Parent(f"p{i}")
    for j in range(3):
        Child(p, j)
    families.append(p)
print(len(families), gc.get_count()[0] >= 0)
del families, p
print(gc.collect())
families = [Parent(str(i)) for i in range(1000)]
print(len(families))
