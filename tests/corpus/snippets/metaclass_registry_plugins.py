class PluginRegistry(type):
    plugins = {}

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace)
        if bases:
            mcls.plugins[name.lower()] = cls
        return cls

    def __call__(cls, *args, **kwargs):
        instance = super().__call__(*args, **kwargs)
        instance.cache = [0] * 256
        return instance


class Plugin(metaclass=PluginRegistry):
    def __init__(self, ident):
        self.ident = ident


for i in range(300):
    PluginRegistry(f"Dyn{i}", (Plugin,), {"order": i, "run": lambda self: self.ident})

objects = [cls(n) for n, cls in enumerate(PluginRegistry.plugins.values()) for _ in range(50)]
print(len(PluginRegistry.plugins), len(objects), type(Plugin).__name__)
del objects
PluginRegistry.plugins.clear()
import gc
print(gc.collect() > 0)
