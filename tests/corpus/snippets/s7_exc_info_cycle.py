import gc
import sys


class Resource:
    instances = 0

    def __init__(self):
        Resource.instances += 1
        self.blob = [0] * 10000

    def __del__(self):
        Resource.instances -= 1


def risky(keep):
    res = Resource()
    try:
        1 / 0
    except ZeroDivisionError:
        info = sys.exc_info()
        if keep:
            return info[0].__name__, info
    return res.blob[0], None


gc.disable()
for _ in range(300):
    name, info = risky(keep=True)
    del info
print("alive with exc_info kept:", Resource.instances)
print("collected:", gc.collect() > 0, Resource.instances)
for _ in range(300):
    risky(keep=False)
print("alive without:", Resource.instances)
gc.enable()
t, v, tb = sys.exc_info()
print(t, v, tb)
try:
    raise KeyError("missing")
except KeyError:
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
print(sys.exc_info())
