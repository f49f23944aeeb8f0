# title: Three rounds of build, drop and short sleep
#
# Held-out (issue 9): a batch job that builds a working set, drops it and
# sleeps a little, three times, with working sets of different sizes.
import time

for n in (150000, 60000, 100000):
    work = [str(i) * 10 for i in range(n)]
    del work
    time.sleep(0.3)
tail = [str(i) for i in range(1000)]
