def hexdump(data, width=16):
    lines = []
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexpart = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{off:08x}  {hexpart:<{width * 3}} |{text}|")
    return lines


payload = bytes(range(256)) * 400 + b"END of the payload\x00\x01"
dump = hexdump(payload)
print(len(dump))
print(dump[2])
print(dump[-1])
h = payload[:64].hex()
print(h[:40], bytes.fromhex(h) == payload[:64], payload[:4].hex(":"), payload[:6].hex(" ", 2))
n = int.from_bytes(payload[250:258], "big")
print(n, n.to_bytes(8, "little").hex(), int.from_bytes(b"\xff\xfe", "little", signed=True))
print((1024).to_bytes(4, byteorder="big"), (-2).to_bytes(2, "big", signed=True))
blob = bytearray()
for i in range(100000):
    blob += i.to_bytes(3, "big")
print(len(blob), blob[-3:], blob.hex()[-12:])
checksum = 0
for b in blob:
    checksum = (checksum * 31 + b) & 0xFFFFFFFF
print(checksum)
print(b"abc".upper(), b"a,b".split(b","), b" x ".strip(), b"%d-%s" % (5, b"z"), bytes(3), b"ab" * 3)
print(memoryview(payload)[:4].tolist(), payload.count(b"\x00"), payload.find(b"END"))
del payload, dump, blob
