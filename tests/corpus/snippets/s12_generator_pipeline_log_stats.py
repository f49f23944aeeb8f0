def make_lines(n):
    for i in range(n):
        level = ("INFO", "WARN", "ERROR")[i % 3 if i % 10 else 2]
        yield f"2024-01-{i % 28 + 1:02d} {level} service{i % 5} took {i % 997}ms"

def parse(lines):
    for line in lines:
        date, level, service, _, ms = line.split()
        yield date, level, service, int(ms[:-2])

def only(records, level):
    return (r for r in records if r[1] == level)

errors = list(only(parse(make_lines(80000)), "ERROR"))
print(len(errors), errors[0])
slowest = max(errors, key=lambda r: r[3])
print(slowest)
by_service = {}
for _, _, svc, ms in errors:
    by_service.setdefault(svc, []).append(ms)
print({k: len(v) for k, v in sorted(by_service.items())})
total = sum(ms for _, _, _, ms in parse(make_lines(50000)))
print(total)
del errors, by_service
print("ok")
