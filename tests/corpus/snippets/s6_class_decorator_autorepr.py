REGISTRY = {}


def register(cls):
    REGISTRY[cls.__name__.lower()] = cls
    return cls


def auto_repr(cls):
    fields = cls.__init__.__code__.co_varnames[1:cls.__init__.__code__.co_argcount]

    def __repr__(self):
        args = ", ".join(f"{f}={getattr(self, f)!r}" for f in fields)
        return f"{type(self).__name__}({args})"

    cls.__repr__ = __repr__
    return cls


@register
@auto_repr
class Sensor:
    def __init__(self, name, reading, unit="C"):
        self.name = name
        self.reading = reading
        self.unit = unit


@register
@auto_repr
class Valve:
    def __init__(self, ident, open_pct):
        self.ident = ident
        self.open_pct = open_pct


print(sorted(REGISTRY))
devices = [REGISTRY["sensor"](f"s{i}", i * 0.5) for i in range(60000)]
devices += [REGISTRY["valve"](i, i % 100) for i in range(60000)]
print(devices[3], devices[-1], len(devices))
text = [repr(d) for d in devices]
print(sum(map(len, text)))
del text
del devices
