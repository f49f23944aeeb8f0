import sys

class WithDefaults:
    color = "red"
    size = 10
    tags = ()

    def __init__(self, n):
        self.n = n

class AllInstance:
    def __init__(self, n):
        self.n = n
        self.color = "red"
        self.size = 10
        self.tags = ()

a = [WithDefaults(i) for i in range(100000)]
b = [AllInstance(i) for i in range(100000)]
print("dict sizes:", sys.getsizeof(a[0].__dict__), sys.getsizeof(b[0].__dict__))
for obj in a[:1000]:
    obj.color = "blue"
print(a[0].color, a[5000].color, WithDefaults.color)
del a
print("b kept:", len(b))
del b
