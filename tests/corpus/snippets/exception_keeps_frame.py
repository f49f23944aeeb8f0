class ParseError(Exception):
    pass


def parse(record):
    scratch = [record] * 5000  # big local that the traceback keeps alive
    if record % 3 == 0:
        raise ParseError(f"bad record {record}")
    return len(scratch)


failures = []
ok = 0
for r in range(600):
    try:
        ok += parse(r)
    except ParseError as e:
        failures.append(e)  # retry later... keeps every frame alive

print(f"ok={ok} failed={len(failures)}")
for e in failures:
    e.__traceback__ = None
failures.clear()
