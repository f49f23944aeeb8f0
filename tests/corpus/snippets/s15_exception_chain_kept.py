import traceback


class ParseError(Exception):
    pass


def parse_record(line):
    fields = line.split(",")
    buffer = [fields] * 200
    try:
        return int(fields[1])
    except ValueError as e:
        raise ParseError(f"bad record {fields[0]}") from e


errors = []
values = []
for i in range(5000):
    line = f"r{i},{i if i % 4 else 'x' + str(i)},payload"
    try:
        values.append(parse_record(line))
    except ParseError as e:
        errors.append(e)

print(len(values), len(errors))
e = errors[0]
print(repr(e), repr(e.__cause__), e.__traceback__.tb_next.tb_frame.f_code.co_name)
print(len(e.__traceback__.tb_next.tb_frame.f_locals["buffer"]))
text = "".join(traceback.format_exception(e))
print(text.count("\n"), "direct cause" in text)
for err in errors:
    err.__traceback__ = None
    err.__cause__ = None
print(errors[-1].__traceback__)
del errors, values, e
