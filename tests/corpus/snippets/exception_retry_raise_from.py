class ServiceError(Exception):
    pass


class TransientError(ServiceError):
    def __init__(self, attempt, reason):
        super().__init__(f"attempt {attempt}: {reason}")
        self.attempt = attempt


class PermanentError(ServiceError):
    pass


def flaky_call(key, attempt):
    if key % 11 == 0:
        raise KeyError(key)
    if (key + attempt) % 4 != 0:
        raise TransientError(attempt, "timeout")
    return {"key": key, "value": key * 3, "attempts": attempt}


def fetch(key, retries=5):
    last = None
    for attempt in range(1, retries + 1):
        try:
            return flaky_call(key, attempt)
        except TransientError as exc:
            last = exc
        except KeyError as exc:
            raise PermanentError(f"no such key {key}") from exc
    raise PermanentError(f"gave up on {key}") from last


ok, failed = [], []
for key in range(20_000):
    try:
        ok.append(fetch(key))
    except PermanentError as exc:
        failed.append(exc)

print(len(ok), "ok,", len(failed), "failed")
e = failed[0]
print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)
print(sum(r["attempts"] for r in ok) / len(ok))
print(isinstance(TransientError(1, "x"), ServiceError), TransientError.__mro__[1].__name__)
failed.clear()
