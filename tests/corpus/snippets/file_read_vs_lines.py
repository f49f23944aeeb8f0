import os

path = "/tmp/hw_big_log.txt"
with open(path, "w") as f:
    for i in range(250000):
        f.write(f"2024-01-01 12:00:{i % 60:02d} INFO request {i} served in {i % 97} ms\n")

with open(path) as f:
    text = f.read()
print("read():", len(text), "chars")
del text

with open(path) as f:
    slow = [line for line in f if "in 9" in line]
print("matching lines:", len(slow))
del slow

count = 0
with open(path) as f:
    for line in f:
        count += 1
print("streamed", count, "lines")
os.remove(path)
