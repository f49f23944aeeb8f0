from abc import ABC, abstractmethod

PLUGINS = {}


class Plugin(ABC):
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        PLUGINS[cls.__name__.lower()] = cls

    @abstractmethod
    def run(self, data):
        ...


class Upper(Plugin):
    def run(self, data):
        return [s.upper() for s in data]


class Reverse(Plugin):
    def run(self, data):
        return [s[::-1] for s in data]


words = [f"word{i}" for i in range(100000)]
outputs = {name: cls().run(words) for name, cls in PLUGINS.items()}
print(sorted(PLUGINS), outputs["reverse"][1])
try:
    Plugin()
except TypeError as e:
    print("expected:", e)
