import numpy as np

x = np.linspace(0.0, 10.0, 2_000_000)
print(x.dtype, x.nbytes, x[:3])

y = np.sin(x) ** 2 + np.cos(x) ** 2
print(np.allclose(y, 1.0), y.nbytes)

z = x.copy()
z *= 2.0
z += 1.0
np.sqrt(z, out=z)
print(z[-1], z.flags["OWNDATA"])

total = float(np.sum(x * x))
print(round(total, 2))
del y
half = x[::2]
print(half.base is x, half.nbytes)
del x
print(half[-1], half.base is not None)
