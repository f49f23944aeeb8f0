import sys
from array import array

samples = array("d")
sizes = []
for i in range(300000):
    samples.append(i * 0.001)
    if i % 50000 == 0:
        sizes.append(sys.getsizeof(samples))
print(sizes)
addr, n = samples.buffer_info()
print(n, samples.itemsize, n * samples.itemsize)
raw = samples.tobytes()
copy = array("d")
copy.frombytes(raw)
print(len(raw), copy == samples, copy[-1])
ints = array("i", range(200000))
ints.extend(range(200000, 250000))
ints.reverse()
print(ints[:3], ints.count(7), ints.index(249999))
shorts = array("h", [x % 30000 for x in range(100000)])
shorts.byteswap()
print(shorts.typecode, len(shorts), sys.getsizeof(shorts))
del samples[:250000]
print("after slice delete", len(samples), sys.getsizeof(samples))
del raw, copy
