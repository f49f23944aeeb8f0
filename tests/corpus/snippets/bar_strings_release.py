import os


def mem():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


print("baseline", mem(), "MB")
foo = ["bar" for _ in range(3000000)]
print("after list", mem(), "MB")
del foo
print("after del", mem(), "MB")  # only some of it comes back - why that much?
