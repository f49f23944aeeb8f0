import io
import numpy as np

# saving a strided slice to memory: NumPy copies it through nditer's buffer, chunk by chunk
big = np.arange(3_000_000, dtype=np.float64).reshape(1500, 2000)
every_other = big[:, ::2]
buf = io.BytesIO()
np.save(buf, every_other)
print(buf.tell(), every_other.nbytes, every_other.flags["C_CONTIGUOUS"])
ft = big.T
buf2 = io.BytesIO()
np.save(buf2, ft)
buf2.seek(0)
header = buf2.read(128)
print(header[10:80])
buf2.seek(0)
t = np.load(buf2)
print(t.flags["F_CONTIGUOUS"], t.shape, t[1999, 1499])
del buf2, big
flat = np.zeros(600_000, dtype=np.float32)
flat.shape = (600, 1000)
print(flat.shape, flat.base is None, flat.flags["OWNDATA"])
