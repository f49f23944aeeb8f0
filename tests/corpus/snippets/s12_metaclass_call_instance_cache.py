class Cached(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls._instances = {}
        return cls
    def __call__(cls, *args):
        if args not in cls._instances:
            cls._instances[args] = super().__call__(*args)
        return cls._instances[args]

class Color(metaclass=Cached):
    def __init__(self, r, g, b):
        self.r, self.g, self.b = r, g, b
    def __repr__(self):
        return f"Color({self.r}, {self.g}, {self.b})"

a = Color(1, 2, 3)
print(a is Color(1, 2, 3), type(Color).__name__)
palette = [Color(i % 64, (i // 64) % 64, i % 7) for i in range(100000)]
print(len(palette), len(Color._instances), palette[-1])
Color._instances.clear()
print(len(Color._instances))
del palette
print(a, isinstance(Color, Cached))
