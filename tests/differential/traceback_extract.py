# The traceback module's stack API (3.11.7): extract_tb, extract_stack, walk_tb, walk_stack,
# FrameSummary fields, StackSummary.format / format_list (carets where the expression is part of
# the line), capture_locals, TracebackException(...).format(), clear_frames.
import sys
import traceback


def parse(text):
    value = int(text) * 2
    return value


def load(items):
    out = []
    for item in items:
        out.append(parse(item) + 1)
    return out


def where():
    return traceback.extract_stack()


try:
    load(["1", "x"])
except ValueError as exc:
    caught = exc

tb = caught.__traceback__
HERE = tb.tb_frame.f_code.co_filename
summary = traceback.extract_tb(tb)
print(type(summary).__name__, len(summary))
for fs in summary:
    print(fs.filename == HERE, fs.lineno, fs.name, repr(fs.line), fs.locals)
    print(fs.end_lineno, fs.colno, fs.end_colno, len(fs), fs[1], fs[2])
for line in traceback.format_list(summary):
    print(line.replace(HERE, "FILE"), end="")
print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)])
print("".join(traceback.format_tb(tb)) == "".join(traceback.format_list(summary)))
stack = where()
print([(fs.name, fs.lineno, fs.line) for fs in stack])
print(traceback.extract_tb(tb, limit=1)[0].name, traceback.extract_tb(tb, limit=-1)[0].name)
local = traceback.StackSummary.extract(traceback.walk_tb(tb), capture_locals=True)
print(local[-1].locals)
print(local[-1] == ("X", 1, "parse", "y"), summary[0] == summary[0], list(summary[-1])[1:])
te = traceback.TracebackException.from_exception(caught)
print(str(te), te.exc_type.__name__, len(te.stack))
print("".join(te.format()).replace(HERE, "FILE"), end="")
print(list(te.format_exception_only()))
fl = traceback.StackSummary.from_list([("a.py", 3, "f", "x = 1"), ("b.py", 7, "g", "return y")])
print(traceback.format_list(fl))
print(repr(fl[0]))
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("wrapped")
except RuntimeError as e:
    chained = traceback.TracebackException.from_exception(e)
print(type(chained.__context__).__name__, chained.__context__.exc_type.__name__, chained.__cause__)
print("".join(chained.format(chain=False)).replace(HERE, "FILE"), end="")
frame = tb.tb_next.tb_frame
traceback.clear_frames(tb)
print(sorted(frame.f_locals), tb.tb_frame is not None)
print([fs.name for fs in traceback.StackSummary.extract(traceback.walk_stack(sys._getframe()))])
