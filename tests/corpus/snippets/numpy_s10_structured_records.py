import numpy as np

rows = [(i, f"n{i % 100}", i * 0.25) for i in range(50000)]
dt = np.dtype([("id", "i4"), ("score", "f8")])
arr = np.zeros(len(rows), dtype=dt)
arr["id"] = [r[0] for r in rows]
arr["score"] = [r[2] for r in rows]
print(arr.nbytes, arr.dtype.itemsize, arr[3])
del rows
high = arr[arr["score"] > 10000]
print(high.size, high["id"][:3])
scores = arr["score"]
print(scores.base is arr or scores.base is not None, scores.strides)
order = np.argsort(-arr["score"])
top = arr[order[:5]]
print(top["id"])
del arr, order
print(high["score"].mean())
