# title: A dict of strings, churned
#
# Issue 9's churn case: a cache-like dict of 300,000 string values of 0 to
# 1,199 characters (the short ones in pymalloc, the long ones glibc chunks of
# every size), a third of them deleted, 150,000 more added (reusing some of
# the holes), then a wait and a clear(). The holes and the survivors between
# them decide what each allocator can give back.
import time

d = {}
for i in range(300000):
    d["k" + str(i)] = "v" * (i % 1200)

for i in range(0, 300000, 3):
    del d["k" + str(i)]

for i in range(300000, 450000):
    d["k" + str(i)] = "w" * (i % 1200)

time.sleep(12)
d.clear()
