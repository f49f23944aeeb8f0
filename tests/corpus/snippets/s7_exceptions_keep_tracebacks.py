import sys


def load(i):
    buffer = bytearray(20000)
    if i % 3 == 0:
        raise ValueError(f"record {i} is corrupt ({len(buffer)} bytes)")
    return len(buffer)


errors = []
loaded = 0
for i in range(600):
    try:
        loaded += load(i)
    except ValueError as exc:
        errors.append(exc)
print("loaded:", loaded, "errors:", len(errors))
tb = errors[0].__traceback__
depth = 0
while tb is not None:
    depth += 1
    last = tb
    tb = tb.tb_next
print("traceback depth:", depth, last.tb_frame.f_code.co_name)
print(sorted(last.tb_frame.f_locals))
print(len(last.tb_frame.f_locals["buffer"]))
for exc in errors:
    exc.__traceback__ = None
print(errors[1], errors[1].__traceback__)
messages = [str(e) for e in errors]
del errors
print(messages[-1], sys.getrefcount(messages) >= 2)
