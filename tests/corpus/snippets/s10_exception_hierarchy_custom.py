class AppError(Exception):
    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code

    def __str__(self):
        base = super().__str__()
        return f"[{self.code}] {base}" if self.code else base


class NotFound(AppError):
    pass


class Invalid(AppError):
    def __init__(self, field, value):
        super().__init__(f"invalid {field}: {value!r}", code=422)
        self.field = field


def lookup(db, key):
    try:
        return db[key]
    except KeyError:
        raise NotFound(f"no such key {key}", code=404) from None


db = {i: str(i) for i in range(1000)}
errors = []
for k in range(0, 3000, 3):
    try:
        v = lookup(db, k)
        if int(v) % 2:
            raise Invalid("value", v)
    except AppError as e:
        errors.append((type(e).__name__, str(e), e.code))
print(len(errors), errors[0], errors[-1])
print(NotFound.__mro__[1].__name__, issubclass(Invalid, Exception))
e = Invalid("age", -1)
print(e.args, e.field, repr(e))
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise AppError("wrapped") from z
except AppError as w:
    print(type(w.__cause__).__name__, w.__suppress_context__)
del errors, db
