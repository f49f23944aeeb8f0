import struct, array, sys
recs = [struct.pack("<iId", i, i * 2, i / 3) for i in range(10000)]
blob = b"".join(recs)
print(len(blob), struct.calcsize("<iId"))
vals = [struct.unpack_from("<iId", blob, off) for off in range(0, len(blob), 16)]
print(vals[3])
arr = array.array("d", (v[2] for v in vals))
print(arr.itemsize, len(arr), sys.getsizeof(arr))
mv = memoryview(blob)
print(mv[16:32].tobytes() == recs[1], mv.nbytes)
ba = bytearray(blob)
ba[0:4] = b"\xff\xff\xff\xff"
print(struct.unpack("<i", ba[:4])[0])
del recs, vals, blob
for name, it in struct.iter_unpack("<hh", b"\x01\x00\x02\x00\x03\x00\x04\x00"), :
    pass
print(list(struct.iter_unpack("<hh", b"\x01\x00\x02\x00\x03\x00\x04\x00")))
