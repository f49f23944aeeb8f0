class ParseError(Exception):
    def __init__(self, line_no, raw):
        super().__init__(f"line {line_no}: cannot parse {raw!r}")
        self.line_no = line_no
        self.raw = raw


raw_values = []
for i in range(100_000):
    if i % 10 == 3:
        raw_values.append(f"n/a-{i}")
    elif i % 10 == 7:
        raw_values.append("")
    else:
        raw_values.append(str(i * 3))

numbers = []
errors = []
for line_no, raw in enumerate(raw_values, 1):
    try:
        if not raw:
            raise ParseError(line_no, raw)
        numbers.append(int(raw))
    except ValueError as exc:
        errors.append(str(exc))
    except ParseError as exc:
        errors.append(exc)
    finally:
        pass

print(len(numbers), len(errors))
print(errors[0])
print(errors[5])

kept = [e for e in errors if isinstance(e, ParseError)]
del errors
print(len(kept), kept[0].line_no)
