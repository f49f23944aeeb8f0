# pickle.dumps of a deeply nested list: the C pickler has its own depth check and fails with
# "maximum recursion depth exceeded while pickling an object"; a flatter structure pickles fine.
import pickle
import sys

rows = [[i, str(i), float(i)] for i in range(5000)]
blob = pickle.dumps(rows)
print(len(blob))

nested = []
cur = nested
for i in range(5000):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
try:
    deep_blob = pickle.dumps(nested)
except RecursionError as e:
    deep_blob = b""
    print("pickle:", e)

sys.setrecursionlimit(20000)
deep_blob = pickle.dumps(nested)
restored = pickle.loads(deep_blob)
print(len(deep_blob))
del rows, blob, nested, restored, deep_blob
