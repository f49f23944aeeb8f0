import numpy as np

big = np.ones((5000, 5000))
first_row = big[0]
del big
print(first_row.base is not None, first_row.base.nbytes / 1e6, "MB kept alive")
small = first_row.copy()
del first_row
print(small.shape)
