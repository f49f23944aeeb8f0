import zlib

lines = [f"2024-05-01T10:{i // 60 % 60:02d}:{i % 60:02d} INFO worker-{i % 8} handled request id={i} in {i % 97} ms"
         for i in range(60000)]
text = "\n".join(lines).encode()
print(f"raw: {len(text) / 1e6:.2f} MB")

packed = zlib.compress(text)
print(f"compressed: {len(packed) / 1e6:.2f} MB ratio {len(text) / len(packed):.1f}")
del lines, text

restored = zlib.decompress(packed)
print(len(restored), zlib.crc32(restored))
del restored
