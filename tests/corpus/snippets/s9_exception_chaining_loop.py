class ParseError(Exception):
    def __init__(self, line_no, text):
        super().__init__(f"line {line_no}: cannot parse {text!r}")
        self.line_no = line_no


def parse(line_no, text):
    try:
        key, value = text.split("=")
        return key.strip(), int(value)
    except ValueError as exc:
        raise ParseError(line_no, text) from exc


lines = [f"k{i} = {i}" if i % 5 else f"broken line {i}" for i in range(20000)]
lines[7] = "a = b = c"
good, bad = {}, []
for n, text in enumerate(lines):
    try:
        k, v = parse(n, text)
        good[k] = v
    except ParseError as err:
        bad.append(err)
print(len(good), len(bad))
print(bad[0], "|", type(bad[0].__cause__).__name__, bad[0].__cause__)
print(bad[1].__suppress_context__, bad[1].__context__ is bad[1].__cause__)
print(bad[1].__traceback__ is not None, bad[2].line_no)
try:
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("lookup failed")
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    raise ValueError("x") from None
except ValueError as e:
    print(e.__suppress_context__, e.__cause__)
for err in bad:
    err.__traceback__ = None
bad = [str(e) for e in bad]
print(bad[-1])
