import io
from contextlib import redirect_stdout, suppress

buf = io.StringIO()
with redirect_stdout(buf):
    for i in range(20000):
        print(f"row {i}: {i * i}")
captured = buf.getvalue()
print(len(captured), captured[:20].splitlines())
lines = captured.splitlines()
print(len(lines), lines[-1])
with suppress(KeyError, IndexError):
    {}["missing"]
print("suppressed")
results = {}
for i in range(2000):
    with suppress(ZeroDivisionError):
        results[i] = 100 // (i % 4)
print(len(results))
del captured, lines
buf.close()
del buf
print(buf if "buf" in dir() else "gone")
