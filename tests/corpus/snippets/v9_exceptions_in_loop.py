class ParseError(Exception):
    def __init__(self, line_no, text):
        super().__init__(f"bad line {line_no}: {text!r}")
        self.line_no = line_no


raw = [str(i) if i % 5 else f"x{i}" for i in range(100000)]
values = []
errors = []
for n, text in enumerate(raw):
    try:
        values.append(int(text))
    except ValueError:
        errors.append(n)
print(len(values), len(errors))
lookup = {i: i * 2 for i in range(0, 50000, 2)}
misses = 0
for k in range(50000):
    try:
        lookup[k]
    except KeyError:
        misses += 1
print("misses", misses)
kept = []
for n in range(20000):
    try:
        if n % 4 == 0:
            raise ParseError(n, raw[n])
    except ParseError as exc:
        kept.append(exc)
print(len(kept), kept[1])
del raw
del kept
print(len(values))
