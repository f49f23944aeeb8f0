import gc


class A:
    def __init__(self):
        self.b = B(self)
        self.blob = [0] * 1000


class B:
    def __init__(self, a):
        self.a = a


for _ in range(10000):
    A()

print("garbage before collect:", gc.get_count())
n = gc.collect()
print("collected", n)
