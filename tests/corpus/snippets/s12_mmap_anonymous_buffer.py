import mmap

size = 32 * 1024 * 1024
m = mmap.mmap(-1, size)
print(len(m), m[:4])
for off in range(0, size, 4096):
    m[off] = 1
print(sum(m[i] for i in range(0, size, 4096 * 64)))
m.seek(0)
m.write(b"hello mmap")
m.seek(0)
print(m.read(10), m.tell())
print(m.find(b"mmap"))
chunk = m[:1024 * 1024]
print(len(chunk))
m.close()
print(m.closed)
del chunk
