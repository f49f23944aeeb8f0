import functools
import time

CALLS = []


def logged(level="INFO", keep_results=False):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            result = fn(*args, **kwargs)
            CALLS.append((level, fn.__name__, args, kwargs, result if keep_results else None, time.perf_counter() - t0))
            return result
        wrapper.calls = 0
        return wrapper
    return decorate


def count_calls(fn):
    @functools.wraps(fn)
    def wrapper(*a, **kw):
        wrapper.calls += 1
        return fn(*a, **kw)
    wrapper.calls = 0
    return wrapper


@logged(level="DEBUG", keep_results=True)
def build_row(i, width=10):
    """Build one row."""
    return [i] * width


@count_calls
@logged()
def square(x):
    return x * x


rows = [build_row(i, width=20) for i in range(20000)]
squares = [square(i) for i in range(50000)]
print(len(CALLS), CALLS[0][:4], square.calls)
print(build_row.__name__, build_row.__doc__, build_row.__wrapped__.__name__)
print(square.__wrapped__.__wrapped__.__name__, sum(squares))
kept = sum(1 for c in CALLS if c[4] is not None)
print(kept)
del rows
print(len(CALLS))
CALLS.clear()
