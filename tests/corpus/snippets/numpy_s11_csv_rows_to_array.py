import csv
import io
import numpy as np

buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["t", "temp", "humidity", "wind"])
for i in range(50000):
    w.writerow([i, 15 + (i % 17) * 0.5, 40 + i % 30, (i * 7) % 13])
buf.seek(0)

reader = csv.reader(buf)
header = next(reader)
rows = [[float(v) for v in r] for r in reader]
print(header, len(rows), rows[1])

data = np.array(rows)
print(data.shape, data.dtype, data.nbytes)
del rows

means = data.mean(axis=0)
print(np.round(means, 3))
hot = data[data[:, 1] > 20.0]
print(hot.shape, hot[:, 3].max())
cols = {name: data[:, i] for i, name in enumerate(header)}
print(cols["wind"].base is data, float(cols["humidity"].std()))
del data, hot
print(len(cols), cols["t"][-1])
