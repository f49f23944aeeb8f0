import numpy as np

values = np.array([])
for i in range(20000):
    values = np.append(values, i * 0.5)   # a brand-new array every time
print(values.shape, values.dtype, values[-3:])

buf = []
for i in range(20000):
    buf.append(i * 0.5)
fast = np.array(buf)
print(np.array_equal(values, fast), fast.nbytes)
del buf
