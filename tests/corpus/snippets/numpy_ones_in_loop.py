import os
import numpy as np


def mem():
    with open(f"/proc/{os.getpid()}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


print(f"before {mem()=}")
x = np.ones((20_000_000,))
print(f"after {mem()=}")
del x
print(f"after del {mem()=}")

res = []
for _ in range(20_000):
    res.append(np.ones((1_000,)))
print(f"after many {mem()=}")
del res
print(f"after del many {mem()=}")
