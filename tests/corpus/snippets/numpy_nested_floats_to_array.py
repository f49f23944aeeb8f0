import gc
import sys
import numpy

rows = 512
columns = 2048
a = []
for i in range(rows):
    b = []
    for j in range(columns):
        b.append(float(i) * j)
    a.append(b)
    del b

node = numpy.array(a)
print(sys.getsizeof(node) / 1024 / 1024, "MB")
del a
gc.collect()
normal = [numpy.delete(node[i, :], [0, 1, 2], axis=0) for i in range(node.shape[0])]
stacked = numpy.array(normal)
del normal
print(stacked.shape)
