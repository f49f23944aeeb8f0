import io
import numpy as np

# round-trip an array through an in-memory .npy file: how many copies exist at once?
a = np.arange(2_000_000, dtype=np.float64).reshape(1000, 2000)
buf = io.BytesIO()
np.save(buf, a)
raw = buf.getvalue()
print(len(raw), raw[:10], len(raw) - a.nbytes)
buf.seek(0)
b = np.load(buf)
print(b.shape, b.dtype, b.flags["OWNDATA"], b[999, -3:])
del raw
print(np.array_equal(a, b), buf.tell())
small = io.BytesIO()
np.save(small, np.arange(10, dtype=np.int32))
print(small.getvalue()[:64])
small.seek(0)
print(np.load(small))
