import numpy as np

x = np.random.rand(3000, 3000)
y = x[:1, :]
print(y.base is x, x.nbytes / 1e6, "MB")
del x
print(y.shape)  # y still holds the whole 72 MB buffer
del y
