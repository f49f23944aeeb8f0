import base64
import zlib
import json

records = [{"id": i, "msg": "status ok " * (i % 20), "vals": list(range(i % 15))} for i in range(8000)]
raw = json.dumps(records).encode("utf-8")
packed = zlib.compress(raw, 9)
print(len(raw), len(packed), round(len(raw) / len(packed), 1))

encoded = base64.b64encode(packed)
print(encoded[:24], len(encoded))
urlsafe = base64.urlsafe_b64encode(packed).rstrip(b"=")
print(len(urlsafe))

decoded = base64.b64decode(encoded)
restored = json.loads(zlib.decompress(decoded))
print(restored == records, zlib.crc32(raw), zlib.adler32(raw))

comp = zlib.compressobj(6)
stream = b"".join(comp.compress(raw[i:i + 8192]) for i in range(0, len(raw), 8192)) + comp.flush()
d = zlib.decompressobj()
print(d.decompress(stream) == raw, len(stream))
print(base64.b16encode(b"hi!"), base64.b32encode(b"hi!"))
del records, restored, raw
