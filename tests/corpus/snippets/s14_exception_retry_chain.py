class ServiceError(Exception):
    def __init__(self, code, message):
        super().__init__(f"[{code}] {message}")
        self.code = code


class TransientError(ServiceError):
    pass


class FatalError(ServiceError):
    pass


def call(i, attempt):
    if i % 11 == 0 and attempt < 2:
        raise TransientError(503, f"busy {i}")
    if i % 97 == 0:
        raise FatalError(500, f"broken {i}")
    return i * 2


def with_retry(i, retries=3):
    last = None
    for attempt in range(retries):
        try:
            return call(i, attempt)
        except TransientError as exc:
            last = exc
    raise RuntimeError(f"gave up on {i}") from last


results, failures = [], []
for i in range(30000):
    try:
        results.append(with_retry(i))
    except FatalError as exc:
        failures.append(exc)
    except RuntimeError as exc:
        failures.append(exc)
print(len(results), len(failures))
print(failures[0], repr(failures[0].__cause__), failures[0].code)
print(failures[0].__traceback__ is not None, type(failures[-1]).__mro__[1].__name__)
for f in failures:
    f.__traceback__ = None
del results, failures
print("done")
