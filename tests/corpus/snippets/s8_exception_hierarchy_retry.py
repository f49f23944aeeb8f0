class AppError(Exception):
    """Base for the app."""


class NetworkError(AppError):
    def __init__(self, host, attempt):
        super().__init__(f"cannot reach {host} (attempt {attempt})")
        self.host = host
        self.attempt = attempt


class ValidationError(AppError, ValueError):
    def __str__(self):
        return f"invalid: {self.args[0]!r}"


def fetch(host, attempt):
    if attempt < 3:
        raise NetworkError(host, attempt)
    return {"host": host, "payload": "x" * 1000}


def with_retry(fn, host, attempts=5):
    errors = []
    for attempt in range(attempts):
        try:
            result = fn(host, attempt)
        except NetworkError as e:
            errors.append(e)
            continue
        else:
            return result, errors
        finally:
            pass
    raise AppError("gave up") from errors[-1]


results = []
failures = []
for i in range(3000):
    res, errs = with_retry(fetch, f"host{i}")
    results.append(res)
    failures.extend(errs)
print(len(results), len(failures), failures[0], failures[-1].attempt)
print(isinstance(failures[0], AppError), NetworkError.__mro__[1].__name__)
try:
    raise ValidationError("age=-1")
except ValueError as e:
    print(e, repr(e), type(e).__mro__[1:3])
try:
    with_retry(fetch, "down", attempts=2)
except AppError as e:
    print(e, "<-", e.__cause__, e.__suppress_context__)
try:
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("lookup failed")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__)
print(AppError.__doc__, ValidationError("x").args)
failures.clear()
del results
