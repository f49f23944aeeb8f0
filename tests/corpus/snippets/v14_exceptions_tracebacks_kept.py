import traceback


def parse(s, depth=3):
    if depth:
        return parse(s, depth - 1)
    return int(s)


errors = []
for i in range(3000):
    try:
        parse(f"x{i}")
    except ValueError as e:
        errors.append(e)
print(len(errors), str(errors[0]))
lines = traceback.format_exception(errors[-1])
print(len(lines))
for e in errors:
    e.__traceback__ = None
print(errors[5].__traceback__ is None)
del errors
