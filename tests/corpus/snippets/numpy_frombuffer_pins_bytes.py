import sys
import numpy as np

raw = bytes(8 * 2_000_000)
arr = np.frombuffer(raw, dtype=np.float64)
print(arr.flags.writeable, arr.base is raw, sys.getsizeof(arr))
del raw                       # the array still holds the bytes object
print(arr.shape, arr[:3])
mine = arr.copy()
del arr
mine[0] = 1.5
print(mine[:2], mine.flags.owndata)
