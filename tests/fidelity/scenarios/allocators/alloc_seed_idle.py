# title: The first seed, then idle time, then a few more calls
#
# Issue 9's time-sensitive variant of the first seed. What `del a` gives back
# depends on the allocator and on time: glibc keeps the heap (tcache and the
# arenas[] vector pin it); jemalloc purges dirty extents of 8 MiB or more at
# once and the rest by its 10 s decay curve, but only when a later call ticks
# it, unless a background thread runs; mimalloc decommits free pages 25 ms
# after they empty, but again only inside a later call. So the script waits
# 12 s (well past every delay, far above any timing noise), then makes a few
# thousand allocations, so that the allocators that purge on calls get their
# chance.
import time

a = [[0] * 100 for _ in range(1000000)]
del a
time.sleep(12)
b = [[0] * 100 for _ in range(2000)]
del b
