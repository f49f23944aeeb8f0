def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            break
        total += x; count += 1
        avg = total / count
    return avg

g = averager(); next(g)
for v in range(100000):
    g.send(v)
try:
    g.send(None)
except StopIteration as s:
    print("final", s.value)

def gen_rows(n):
    for i in range(n):
        yield (i, str(i), i * 0.5)

rows = list(gen_rows(200000))
if (n := len(rows)) > 10:
    print(n, rows[-1])
from contextlib import contextmanager, suppress
@contextmanager
def tracked(name, log):
    log.append(f"enter {name}")
    try:
        yield log
    finally:
        log.append(f"exit {name}")
log = []
with tracked("a", log), suppress(ZeroDivisionError):
    1 / 0
print(log)
del rows
