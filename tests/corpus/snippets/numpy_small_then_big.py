import numpy as np

a = np.ones(5000 * 10000, dtype=np.int32)
a = None
a = [np.ones(5000, dtype=np.int32) for i in range(10000)]
a = None  # the small arrays are freed... but RSS stays
a = np.ones(5000 * 10000, dtype=np.int32)
print(a.nbytes // 2**20, "MiB")
