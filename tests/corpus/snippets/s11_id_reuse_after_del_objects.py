class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

a = Point(1, 2)
first = id(a)
del a
b = Point(3, 4)
print("same id reused:", id(b) == first)

seen = {}
reused = 0
for i in range(10000):
    p = Point(i, i)
    if id(p) in seen:
        reused += 1
    seen[id(p)] = i
    del p
print("distinct ids:", len(seen), "reused:", reused > 0)

keep = [Point(i, -i) for i in range(10000)]
print(len({id(p) for p in keep}))
lst_ids = []
for _ in range(5):
    tmp = [0] * 100
    lst_ids.append(id(tmp))
    del tmp
print(len(set(lst_ids)))
print(id(1000) == id(1000), id(256) == id(255 + 1))
del keep
