class Plugin:
    registry = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[cls.__name__] = cls

    def run(self, x):
        return x


made = []
for i in range(600):
    cls = type(f"Plugin{i}", (Plugin,), {"factor": i, "run": lambda self, x, i=i: x * i})
    made.append(cls)
print(len(Plugin.registry))
instances = [made[i % 600]() for i in range(30000)]
total = sum(inst.run(2) for inst in instances)
print(total)
del instances
made.clear()
Plugin.registry.clear()
import gc
print(gc.collect() >= 0)
