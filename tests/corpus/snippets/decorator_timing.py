import time
import functools

calls = {}

def timed(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            calls.setdefault(fn.__name__, []).append(time.perf_counter() - start)
    return wrapper


@timed
def build(n):
    return {str(i): [i] * 3 for i in range(n)}


@timed
def total(d):
    return sum(sum(v) for v in d.values())


results = []
for n in (1000, 10000, 100000):
    d = build(n)
    results.append(total(d))

print(results)
print({k: len(v) for k, v in calls.items()})
print(build.__name__, build.__wrapped__.__name__)
del d
