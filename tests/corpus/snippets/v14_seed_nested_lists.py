import os

a = [[0] * 100 for _ in range(300000)]
print(len(a))
with open(f"/proc/{os.getpid()}/statm") as f:
    print(int(f.read().split()[1]) > 0)
b = a[::2]
del a
print(len(b))
b = [row[:10] for row in b]
print(sum(map(len, b)))
del b
