import os
import resource

PAGE = resource.getpagesize()


def statm():
    with open(f"/proc/{os.getpid()}/statm") as f:
        size, resident, shared, text, lib, data, dt = map(int, f.read().split())
    return {"size": size * PAGE, "resident": resident * PAGE, "shared": shared * PAGE, "data": data * PAGE}


def maxrss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


print(PAGE, os.getpid() > 0)
before = statm()
peak_before = maxrss_kb()
blocks = [bytes(100_000) for _ in range(300)]
during = statm()
print("grew MB:", (during["resident"] - before["resident"]) // 2**20 >= 25)
del blocks
after = statm()
print("returned:", after["resident"] < during["resident"])
print("peak grew:", maxrss_kb() > peak_before, maxrss_kb() * 1024 >= during["resident"])
strings = ["s" * 50 for _ in range(200000)]
mid = statm()
del strings
end = statm()
print("strings returned MB:", (mid["resident"] - end["resident"]) / 2**20 < 5)
print(sorted(end))
