from array import array
import sys

for code in "bBhHiIlLqQfd":
    a = array(code, [1, 2, 3])
    print(code, a.itemsize, end="; ")
print()

samples = array("h", (i % 32000 for i in range(500000)))
print(len(samples), sys.getsizeof(samples) > 1_000_000, samples.buffer_info()[1])
as_list = samples.tolist()
print(len(as_list), sys.getsizeof(as_list) > sys.getsizeof(samples))
raw = samples.tobytes()
copy = array("h")
copy.frombytes(raw)
print(copy == samples, len(raw))
copy.byteswap()
print(copy[1], samples[1])
doubles = array("d", [0.5] * 100000)
doubles.extend(doubles)
print(len(doubles), doubles.count(0.5))
try:
    array("b", [200])
except OverflowError as e:
    print("OverflowError:", e)
del samples, as_list, raw, copy, doubles
