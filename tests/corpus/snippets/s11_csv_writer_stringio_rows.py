import csv
import io

buf = io.StringIO()
writer = csv.writer(buf)
writer.writerow(["id", "name", "city", "score"])
for i in range(40000):
    writer.writerow([i, f"user{i}", ["Lyon", "Oslo", "Quito", "Perth, WA"][i % 4], i * 7 % 1000])

text = buf.getvalue()
print(len(text), text.count("\n"), repr(text[:60]))

rows = list(csv.reader(io.StringIO(text)))
header, body = rows[0], rows[1:]
print(header, len(body), body[3])

total = sum(int(r[3]) for r in body)
by_city = {}
for r in body:
    by_city.setdefault(r[2], []).append(int(r[3]))
print(total, {k: len(v) for k, v in by_city.items()})

del rows, body
buf.close()
print("closed:", buf.closed)
