def parse_block(i):
    chunk = [float(j) for j in range(2000)]
    if i % 3 == 0:
        raise ValueError(f"bad block {i}")
    return sum(chunk)

errors = []
total = 0.0
for i in range(300):
    try:
        total += parse_block(i)
    except ValueError as exc:
        errors.append(exc)
print(f"total={total:.0f} errors={len(errors)}")
frame = errors[0].__traceback__.tb_next.tb_frame
print("locals kept:", sorted(frame.f_locals))
del frame
for e in errors:
    e.__traceback__ = None
print("tracebacks dropped")
del errors
