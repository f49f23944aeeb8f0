chunks = []
for i in range(20000):
    chunks.append(b"\x00" * 4096)

payload = b"".join(chunks)
print(len(payload) // 1024, "KiB")
del chunks
del payload
