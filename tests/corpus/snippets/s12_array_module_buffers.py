from array import array

ints = array("i", range(500000))
print(ints.itemsize, len(ints), ints.buffer_info()[1])
doubles = array("d", (x * 0.5 for x in range(200000)))
print(doubles[-1], len(doubles))
raw = ints.tobytes()
back = array("i")
back.frombytes(raw)
print(len(raw), back == ints)
ints.extend(range(100000))
print(len(ints))
del raw, back
sub = ints[1000:2000]
print(sum(sub), sub.typecode)
del ints, doubles
print(len(sub))
