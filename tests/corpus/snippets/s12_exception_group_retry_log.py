class RetryError(Exception):
    def __init__(self, attempt, reason):
        super().__init__(f"attempt {attempt}: {reason}")
        self.attempt = attempt

failures = []
def fetch(i):
    if i % 7 == 0:
        raise RetryError(i, "timeout")
    if i % 11 == 0:
        raise ValueError(f"bad id {i}")
    return i * 2

ok = []
for i in range(20000):
    try:
        ok.append(fetch(i))
    except RetryError as e:
        failures.append(e)
    except ValueError as e:
        failures.append(e)
    else:
        pass
    finally:
        pass
print(len(ok), len(failures), str(failures[1]))
print(failures[0].__traceback__ is not None, type(failures[2]).__name__)
try:
    try:
        fetch(7)
    except RetryError as e:
        raise RuntimeError("gave up") from e
except RuntimeError as e:
    print(e, "<-", e.__cause__)
for e in failures:
    e.__traceback__ = None
del failures
print(sum(ok))
