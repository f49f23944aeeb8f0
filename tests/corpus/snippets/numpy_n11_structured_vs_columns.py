import numpy as np

# one structured array of records vs. separate column arrays: which costs more?
n = 300_000
rec_t = np.dtype([("user", "i8"), ("ts", "f8"), ("flag", "u1")])
print("itemsize", rec_t.itemsize, rec_t)
events = np.zeros(n, dtype=rec_t)
events["user"] = np.arange(n) % 977
events["ts"] = np.linspace(0, 3600, n)
events["flag"][::7] = 1
print(events.nbytes, events[7])
ts = events["ts"]                     # a view: no copy, but strided
print(ts.strides, ts.base is events, ts.flags["C_CONTIGUOUS"])
flagged = events[events["flag"] == 1]   # boolean index copies whole records
print(len(flagged), flagged[:2])
late = ts.copy()                      # contiguous copy of one column
del events
print(flagged["user"][:5], late[-1], flagged.dtype.names)
cols = {"user": np.arange(n) % 977, "ts": np.linspace(0, 3600, n)}
print(sum(c.nbytes for c in cols.values()))
small = np.array([(1, 0.5, 0), (2, 1.5, 1)], dtype=rec_t)
print(repr(small))
