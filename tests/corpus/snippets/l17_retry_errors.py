import random
import traceback

random.seed(7)

class TransientError(Exception):
    pass

class PermanentError(Exception):
    pass

def flaky(n):
    r = random.random()
    if r < 0.3:
        raise TransientError(f"try again {n}")
    if r < 0.35:
        raise PermanentError(f"give up {n}")
    return n * n

def with_retries(fn, arg, attempts=3):
    last = None
    for _ in range(attempts):
        try:
            return fn(arg)
        except TransientError as e:
            last = e
    raise PermanentError("retries exhausted") from last

results, failures = [], []
for i in range(20_000):
    try:
        results.append(with_retries(flaky, i))
    except PermanentError as e:
        failures.append(e)
print(len(results), len(failures))
print(type(failures[0].__cause__).__name__ if failures[0].__cause__ else None)
print("".join(traceback.format_exception_only(type(failures[-1]), failures[-1])).strip())
del failures
del results
