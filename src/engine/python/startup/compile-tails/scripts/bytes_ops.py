payload = b"\x00\x01\x02" * 1000
buf = bytearray(payload)
views = [memoryview(buf)[i:i + 64] for i in range(0, len(buf), 64)]
del views
chunks = [bytes(buf[i:i + 100]) for i in range(0, len(buf), 100)]
