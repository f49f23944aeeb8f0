from enum import IntEnum
from collections import Counter


class Status(IntEnum):
    OK = 200
    CREATED = 201
    MOVED = 301
    NOT_FOUND = 404
    SERVER_ERROR = 500

    @property
    def is_error(self):
        return self >= 400


codes = [200, 200, 404, 201, 500, 200, 301, 404, 200, 500]
log = [Status(codes[i % len(codes)]) for i in range(100000)]
counts = Counter(log)
for status, n in counts.most_common():
    print(f"{status.name:<13} {int(status)} {n:>6} error={status.is_error}")
errors = [s for s in log if s.is_error]
print(len(errors), errors[0], repr(errors[0]), errors[0] == 404)
print(Status.OK < Status.NOT_FOUND, Status(500) is Status.SERVER_ERROR, Status["MOVED"].value)
print(sorted(set(log))[:3], max(log).name)
try:
    Status(418)
except ValueError as exc:
    print("bad:", exc)
by_class = {}
for s in log:
    by_class.setdefault(s // 100, []).append(s)
print({k: len(v) for k, v in sorted(by_class.items())})
del log, errors, by_class
print(len(counts), list(Status)[-1])
