import struct

fmt = struct.Struct("<IdhB")
print(fmt.size, fmt.format)
blob = bytearray()
for i in range(50000):
    blob += fmt.pack(i, i * 0.25, -(i % 300), i % 256)
print(len(blob))
readings = list(fmt.iter_unpack(blob))
print(len(readings), readings[12345])
big = max(r[1] for r in readings)
neg = sum(1 for r in readings if r[2] < -150)
print(big, neg)
header = struct.pack(">4sHH", b"SENS", 2, len(readings) % 65536)
print(header, struct.unpack(">4sHH", header))
del readings, blob
print(struct.calcsize("<IdhB"), struct.calcsize("IdhB"))
