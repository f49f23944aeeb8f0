import mmap
import pickle

# Anonymous shared memory and calloc'd bytes: which reads make pages count in RSS.
shm = mmap.mmap(-1, 16 * 1024 * 1024)
print(shm.find(b"\x01"))
shm[:4096] = b"x" * 4096
chunk = shm[8 * 1024 * 1024 : 12 * 1024 * 1024]
print(len(chunk), chunk.count(0))
shm.close()

blob = bytes(5_000_000)
with open("blob.bin", "wb") as f:
    f.write(blob)
again = bytearray(blob)
print(len(again), again[-1])
packed = pickle.dumps(bytes(3_000_000), protocol=4)
print(len(packed))
n = int.from_bytes(bytes(2_000_000), "little")
print(n)
del blob, again, packed
