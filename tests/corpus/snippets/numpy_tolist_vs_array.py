import sys
import numpy as np

arr = np.zeros(1_000_000)
lst = arr.tolist()
print(arr.nbytes, sys.getsizeof(lst))
back = np.array(lst)
del lst
print(back.dtype, back.shape)
del arr, back
