# title: Exceptions raised in a loop, some kept with their tracebacks
#
# Issue 7: exceptions. Parsing 200,000 strings, a third of which are not
# numbers: each failure makes a ValueError with its message and traceback.
# Most are dropped at once, but keeping the exception objects (here in a
# list of errors, a common logging mistake) keeps their tracebacks and, with
# them, the frames they point to.
class ParseError(Exception):
    def __init__(self, line_no, text):
        super().__init__(f"line {line_no}: cannot parse {text!r}")
        self.line_no = line_no


def parse(line_no, text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError(line_no, text) from e


lines = [str(i) if i % 3 else "n/a-%d" % i for i in range(200000)]
values = []
errors = []
for n, text in enumerate(lines):
    try:
        values.append(parse(n, text))
    except ParseError as err:
        if n % 10 == 0:
            errors.append(err)

del lines
del values
errors.clear()
