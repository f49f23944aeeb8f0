# title: Cycles collected by the automatic gc: when depends on the version
#
# Issue 8's cycles case. Each round makes a dict that refers to itself and
# holds a 20,000-byte bytearray (its buffer is a glibc chunk). Reference
# counting cannot free a cycle, so the buffers pile up until the collector's
# generation 0 fills: every 700 new containers on 3.11 and 3.12, every 2,000
# on 3.13. So the heap at the end of the loop holds up to 14 MB of garbage on
# 3.11 and up to 40 MB on 3.13. gc.collect() frees what is left.
import gc

for i in range(50000):
    node = {"payload": bytearray(20000), "i": i}
    node["self"] = node

del node
found = gc.collect()
