import weakref, gc, sys

class Big:
    def __init__(self, n):
        self.payload = bytearray(n)

cache = weakref.WeakValueDictionary()
keep = []
for i in range(100):
    b = Big(10000)
    cache[i] = b
    if i % 10 == 0:
        keep.append(b)
del b
print(len(cache), len(keep))

def make_closure():
    big = list(range(100000))
    def inner():
        return len(big)
    return inner
f = make_closure()
print(f(), f.__closure__[0].cell_contents[:3])
del f
def fail():
    local_big = [0] * 100000
    raise RuntimeError("boom")
errors = []
for _ in range(3):
    try:
        fail()
    except RuntimeError as e:
        errors.append(e)
print(len(errors), errors[0].__traceback__.tb_next.tb_frame.f_locals.keys())
errors.clear()
print(gc.collect() >= 0, sys.getrefcount(keep[0]))
