# title: Mixed sizes: small, medium and large blocks freed in a pattern
#
# Issue 9's mixed case: 60,000 bytes objects of five sizes, from pymalloc's
# range (100) through glibc's bins (600, 2,000, 30,000) to mmapped chunks
# (200,000, over the 128 KiB threshold at first), in a seeded random order.
# Every second one is then deleted, which leaves holes of every size between
# live neighbours; later allocations reuse some of them. Each allocator packs
# and returns such a heap differently (bins and top, size-class slabs and
# extents, pages of segments).
import random
import time

random.seed(1)
sizes = [random.choice((100, 600, 2000, 30000, 200000)) for _ in range(60000)]
blobs = [bytes(n) for n in sizes]
del blobs[::2]
time.sleep(12)
more = [bytearray(n) for n in sizes[:20000]]
del blobs
del more
