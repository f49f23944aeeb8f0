# sample-10's misses, as python3.11 behaves: os.fdopen passes io.open's keywords on (newline="" for csv,
# mode=, encoding=, closefd=False), and a builtin's unknown keyword is "'x' is an invalid keyword
# argument for f()" in 3.11 (getargs.c's error for _PyArg_UnpackKeywords; 3.13 words it differently)
import csv
import io
import os
import tempfile

fd, path = tempfile.mkstemp(suffix=".csv")
with os.fdopen(fd, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["a", "b\nc", 3])
    w.writerow(["x y", "", None])
with open(path, "rb") as f:
    print(f.read())
with os.fdopen(os.open(path, os.O_RDONLY), mode="r", encoding="utf-8", newline=None) as g:
    print(repr(g.read()), g.name == g.fileno() or type(g.name).__name__)
fd3 = os.open(path, os.O_RDONLY)
h = os.fdopen(fd3, "rb", closefd=False)
print(h.read(4), type(h).__name__)
h.close()
print(h.closed)
os.close(fd3)
with os.fdopen(os.open(path, os.O_RDONLY), "rb", 0) as raw:
    print(type(raw).__name__, raw.read(3))
for bad in (lambda: os.fdopen(os.open(path, os.O_RDONLY), bogus=1),
            lambda: os.fdopen(os.open(path, os.O_RDONLY), "rb", newline=""),
            lambda: os.fdopen("3"),
            lambda: open(path, bogus=1),
            lambda: io.open(path, "r", -1, None, None, None, True, None, 1),
            lambda: "a b".split(bogus=1),
            lambda: "a b".rsplit(sep=" ", maxsplit=1, other=2),
            lambda: "a b".split(" ", 1, 2),
            lambda: "a b".split(" ", maxsplit=1, sep=2),
            lambda: sorted([3, 1], bogus=1),
            lambda: int("1", bogus=2)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print("a b c".split(maxsplit=1), "a,b".split(sep=","))
os.remove(path)
