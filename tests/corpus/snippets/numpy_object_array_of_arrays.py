import numpy as np

rng = np.random.default_rng(0)
x = np.zeros(5000, dtype="O")
for i in range(len(x)):
    x[i] = rng.random((rng.integers(25, 125), 50))
print(sum(a.nbytes for a in x) / 1e6, "MB in element arrays")
del x
