def chunks(n, size):
    buf = []
    for i in range(n):
        buf.append(i * i)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf

total = 0
kept = []
for c in chunks(300000, 1000):
    total += sum(c)
    if len(kept) < 50:
        kept.append(c)
print(total, len(kept))
try:
    raise ValueError("boom " + "x" * 100000)
except ValueError as e:
    msg = str(e)
print(len(msg))
del kept
with open("/dev/null", "w") as f:
    for i in range(1000):
        print(i, file=f)
print("done")
