import gc
import weakref

removed = []


class Widget:
    def __init__(self, name):
        self.name = name
        self.payload = bytearray(256)


registry = {}


def make_callback(key):
    def on_dead(ref):
        removed.append(key)
        registry.pop(key, None)
    return on_dead


widgets = [Widget(f"w{i}") for i in range(10000)]
for w in widgets:
    registry[w.name] = weakref.ref(w, make_callback(w.name))
print(len(registry), registry["w5"]().name)
del w
del widgets[::2]
print(len(removed), len(registry), removed[:3])
cyc = Widget("cycle")
cyc.me = cyc
registry["cycle"] = weakref.ref(cyc, make_callback("cycle"))
del cyc
print("cycle" in registry)
gc.collect()
print("cycle" in registry, removed[-1])
proxy = weakref.proxy(widgets[0])
print(proxy.name, len(proxy.payload))
name0 = widgets[0].name
widgets.clear()
try:
    proxy.name
except ReferenceError as exc:
    print("dead:", exc)
print(len(removed), len(registry), name0 in removed)
