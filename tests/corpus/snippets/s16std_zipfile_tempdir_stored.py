import os
import tempfile
import zipfile

# write a few large blobs into a zip on disk without compression, then extract one
# member at a time in chunks: memory should track the chunk, not the member
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "blobs.zip")
with zipfile.ZipFile(path, "w") as zf:
    for i in range(4):
        zf.writestr(f"blob{i}.bin", bytes([i]) * 3_000_000)
    zf.writestr("manifest.txt", "\n".join(f"blob{i}.bin" for i in range(4)))
print(os.path.getsize(path))

zf = zipfile.ZipFile(path)
print([i.filename for i in zf.infolist()], zf.getinfo("blob2.bin").compress_type)
whole = zf.read("blob1.bin")
print(len(whole), whole[:3])
del whole

checksum = 0
with zf.open("blob3.bin") as member:
    while True:
        chunk = member.read(65536)
        if not chunk:
            break
        checksum += chunk[0]
print(checksum)
manifest = zf.read("manifest.txt").decode().splitlines()
print(manifest)
zf.close()
