import tempfile

spool = tempfile.SpooledTemporaryFile(max_size=256 * 1024, mode="w+b")
for i in range(2000):
    spool.write(b"%05d:" % i + b"a" * 90 + b"\n")
print("rolled over:", spool._rolled, spool.tell())

for i in range(2000, 6000):
    spool.write(b"%05d:" % i + b"b" * 90 + b"\n")
print("rolled over:", spool._rolled, spool.tell())

spool.seek(0)
lines = spool.read().splitlines()
print(len(lines), lines[-1][:8])
spool.close()

with tempfile.TemporaryFile("w+") as tf:
    for i in range(30000):
        tf.write(f"{i}\t{i * 2}\n")
    tf.seek(0)
    total = sum(int(line.split("\t")[1]) for line in tf)
print("total:", total)
del lines
print("done")
