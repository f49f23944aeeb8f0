import io

buf = io.StringIO()
for i in range(80000):
    buf.write(f"{i},event-{i % 13},{i * 0.25:.2f}\n")
print("written", buf.tell())
buf.seek(0)
errors = []
totals = {}
for lineno, line in enumerate(buf, start=1):
    ident, kind, value = line.rstrip("\n").split(",")
    if lineno % 10000 == 0:
        errors.append((lineno, ident))
    totals[kind] = totals.get(kind, 0.0) + float(value)
print(len(totals), errors[:2], round(totals["event-0"], 2))
buf.seek(0)
head = [buf.readline() for _ in range(3)]
print(head)
rest = buf.read()
print(len(rest), rest.count("\n"))
text = buf.getvalue()
print(len(text))
buf.close()
print(buf.closed)
del text, rest
