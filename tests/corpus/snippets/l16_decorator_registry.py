import functools
import time

REGISTRY = {}
CALLS = []

def traced(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        result = fn(*args, **kwargs)
        CALLS.append((fn.__name__, args, time.perf_counter() - t0))
        return result
    REGISTRY[fn.__name__] = wrapper
    return wrapper

@traced
def square(x):
    return x * x

@traced
def concat(a, b="-"):
    return f"{a}{b}{a}"

for i in range(30_000):
    square(i)
    concat(str(i), b=":")

print(len(CALLS), square.__name__, square.__wrapped__(7), sorted(REGISTRY))
print(CALLS[5][:2])
CALLS.clear()
print(len(CALLS))
