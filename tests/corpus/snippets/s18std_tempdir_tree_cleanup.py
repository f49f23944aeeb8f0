import os
import shutil
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    for shard in range(16):
        d = os.path.join(tmp, "cache", f"{shard:02x}")
        os.makedirs(d)
        for k in range(30):
            with open(os.path.join(d, f"{shard:02x}{k:04d}.dat"), "w") as f:
                f.write("v" * (100 + k * 10))
    counts = {}
    for dirpath, dirs, files in os.walk(tmp):
        if files:
            counts[os.path.basename(dirpath)] = len(files)
    print(len(counts), sum(counts.values()))
    blobs = []
    for dirpath, _, files in os.walk(os.path.join(tmp, "cache")):
        for f in files:
            with open(os.path.join(dirpath, f)) as fh:
                blobs.append(fh.read())
    print(len(blobs), sum(len(b) for b in blobs))
    shutil.rmtree(os.path.join(tmp, "cache", "0f"))
    print(sorted(os.listdir(os.path.join(tmp, "cache")))[-2:])
    del blobs
print(os.path.exists(tmp))
