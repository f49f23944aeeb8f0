# Parse length-prefixed records out of a stream buffer, consuming it from the front.
import struct

def make_stream(n):
    out = bytearray()
    for i in range(n):
        body = b"record-%06d:" % i + b"x" * (i % 50)
        out += struct.pack(">I", len(body)) + body
    return bytes(out)

stream = make_stream(20000)
buf = bytearray()
records = []
pos = 0
while pos < len(stream):
    buf += stream[pos:pos + 4096]
    pos += 4096
    while len(buf) >= 4:
        (n,) = struct.unpack(">I", buf[:4])
        if len(buf) < 4 + n:
            break
        records.append(bytes(buf[4:4 + n]))
        del buf[:4 + n]

print(len(records), records[0], records[-1][:20], len(buf))
del records
