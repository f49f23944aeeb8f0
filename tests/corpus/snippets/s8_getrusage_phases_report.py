import resource
import time


def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_maxrss, r.ru_minflt, r.ru_utime + r.ru_stime


phases = []
start = usage()
phases.append(("start", start))
blob = [str(i) * 10 for i in range(300000)]
phases.append(("strings", usage()))
table = {s: len(s) for s in blob}
phases.append(("dict", usage()))
del blob, table
phases.append(("freed", usage()))
numbers = list(range(2_000_000))
phases.append(("ints", usage()))
numbers = None
phases.append(("released", usage()))

prev = start
for name, (maxrss, minflt, cpu) in phases:
    print(f"{name:<9} maxrss grew {maxrss - start[0] > 0!s:<5} faults +{minflt - prev[1] >= 0} cpu ok {cpu >= prev[2]}")
    prev = (maxrss, minflt, cpu)
peak_kb = phases[-1][1][0]
print("peak never drops:", all(a[1][0] <= b[1][0] for a, b in zip(phases, phases[1:])))
print(resource.getpagesize(), type(peak_kb).__name__, resource.RUSAGE_SELF)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(soft > 0, hard >= soft)
t0 = time.process_time()
sum(range(1000000))
print(time.process_time() >= t0)
