import csv
import io

buf = io.StringIO()
writer = csv.writer(buf)
for i in range(100000):
    writer.writerow([i, f"product-{i % 300}", round(i * 0.13, 2), "EU" if i % 3 else "US"])

text = buf.getvalue()
rows = list(csv.reader(io.StringIO(text)))
totals = {}
for _, product, price, region in rows:
    totals[product] = totals.get(product, 0.0) + float(price)
print(len(rows), len(totals))
del rows, text, buf
