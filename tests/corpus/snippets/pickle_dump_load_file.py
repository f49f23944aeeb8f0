import os
import pickle

rows = [(i, f"item-{i}", i * 0.25, [i, i + 1]) for i in range(150000)]
with open("/tmp/hw_rows.pkl", "wb") as f:
    pickle.dump(rows, f, protocol=pickle.HIGHEST_PROTOCOL)
print("pickle file:", os.path.getsize("/tmp/hw_rows.pkl"), "bytes")
del rows

with open("/tmp/hw_rows.pkl", "rb") as f:
    back = pickle.load(f)
print(len(back), back[-1])
del back
os.remove("/tmp/hw_rows.pkl")
