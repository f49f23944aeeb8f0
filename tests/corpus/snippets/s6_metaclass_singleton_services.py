class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        self.values = {f"opt{i}": i for i in range(20000)}


class Cache(metaclass=Singleton):
    def __init__(self, size=1000):
        self.size = size
        self.store = [None] * size


a = Config()
b = Config()
print(a is b, len(a.values), type(Config).__name__, isinstance(Config, Singleton))
c1 = Cache(50000)
c2 = Cache(10)
print(c1 is c2, c2.size, len(Singleton._instances))


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns.setdefault("kind", name.lower())
        return super().__new__(mcls, name, bases, ns)


class Widget(metaclass=Meta):
    pass


class Button(Widget):
    kind = "btn"


print(Widget.kind, Button.kind, type(Button) is Meta, Button.__mro__[1].__name__)
del a, b, c1, c2
print(len(Singleton._instances))
Singleton._instances.clear()
