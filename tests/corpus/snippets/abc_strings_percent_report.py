import gc
import os

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


gc.collect()
mem0 = rss()

# about 10**6 references to one interned string, plus the loop variable
foo = ['abc' for x in range(10**6)]
mem1 = rss()

del foo
mem2 = rss()

gc.collect()
mem3 = rss()

pd = lambda x2, x1: 100.0 * (x2 - x1) / mem0
print("Allocation: %0.2f%%" % pd(mem1, mem0))
print("Unreference: %0.2f%%" % pd(mem2, mem1))
print("Collect: %0.2f%%" % pd(mem3, mem2))
print("Overall: %0.2f%%" % pd(mem3, mem0))
