import mmap

buf = mmap.mmap(-1, 32 * 1024 * 1024)
buf[: 16 * 1024 * 1024] = b"\x01" * (16 * 1024 * 1024)
print("first half written")

total = sum(buf[i] for i in range(0, 32 * 1024 * 1024, 4096))
print("touched every page, sum", total)

buf.close()
print("closed")
