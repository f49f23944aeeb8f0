import os
import numpy as np

# saving to disk and loading back: does np.load keep a second copy while it reads?
data = np.random.default_rng(0).random((500, 1000))
np.save("/tmp/hw_n13_data.npy", data)
print(os.path.getsize("/tmp/hw_n13_data.npy"), data.nbytes)
del data
back = np.load("/tmp/hw_n13_data.npy")
print(back.shape, back.dtype, back.flags["C_CONTIGUOUS"], round(float(back.sum()), 6))
fort = np.asfortranarray(back[:, :300])
np.save("/tmp/hw_n13_fort", fort)
again = np.load("/tmp/hw_n13_fort.npy")
print(again.flags["F_CONTIGUOUS"], again.shape, np.array_equal(again, fort))
back.tofile("/tmp/hw_n13_raw.bin")
raw = np.fromfile("/tmp/hw_n13_raw.bin", dtype=np.float64)
print(raw.size, raw[:3].round(6))
with open("/tmp/hw_n13_raw.bin", "rb") as f:
    f.seek(8 * 1000)
    part = np.fromfile(f, dtype=np.float64, count=500)
    print(f.tell(), part[0] == back[1, 0])
del raw, part
for name in ("hw_n13_data.npy", "hw_n13_fort.npy", "hw_n13_raw.bin"):
    os.remove("/tmp/" + name)
