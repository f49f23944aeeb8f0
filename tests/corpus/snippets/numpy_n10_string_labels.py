import sys
import numpy as np

# labels kept as a Python list of str, then as a fixed-width NumPy string array
names = [f"sensor-{i:06d}" for i in range(200000)]
print(len(names), sys.getsizeof(names), sys.getsizeof(names[0]))

arr = np.array(names)
print(arr.dtype, arr.itemsize, arr.nbytes)

# one long label widens every element: the dtype is as wide as the longest string
mixed = names[:50000] + ["a rather long label that sets the width for all of them"]
wide = np.array(mixed)
print(wide.dtype, wide.nbytes // len(mixed))

del names
head = arr[:5]
print(head, head.base is arr)

codes = np.array([name.encode() for name in mixed[:1000]])
print(codes.dtype, codes[:2], codes.nbytes)

del arr
print(head.tolist()[:2])
back = wide.tolist()
print(len(back), back[-1][:6])
del wide, back
