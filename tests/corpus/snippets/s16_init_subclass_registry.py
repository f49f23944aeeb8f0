class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[name or cls.__name__.lower()] = cls

    def run(self, data):
        raise NotImplementedError

class Upper(Plugin, name="upper"):
    def run(self, data):
        return [s.upper() for s in data]

class Reverse(Plugin):
    def run(self, data):
        return [s[::-1] for s in data]

class Meta(type):
    created = []

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.created.append(cls)
        return cls

class Model(metaclass=Meta):
    pass

dynamic = []
for i in range(2000):
    dynamic.append(type(f"Model{i}", (Model,), {"field": i, "values": list(range(20))}))
    type(f"Step{i}", (Plugin,), {"run": lambda self, data: data})

print(len(Plugin.registry), len(Meta.created))

words = [f"word{i}" for i in range(50000)]
out = Plugin.registry["upper"]().run(words)
out2 = Plugin.registry["reverse"]().run(out)
print(out2[:2])

del dynamic
print(len(Meta.created))
Meta.created.clear()
Plugin.registry = {k: v for k, v in Plugin.registry.items() if not k.startswith("step")}
print(len(Plugin.registry))
del words, out, out2
