import resource


def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_maxrss, r.ru_minflt


phases = []
base_rss, base_flt = usage()
phases.append(("start", base_rss, base_flt))
matrix = [[float(i * j) for j in range(300)] for i in range(300)]
phases.append(("matrix",) + usage())
blob = bytes(40 * 1024 * 1024)
phases.append(("blob",) + usage())
del blob
phases.append(("del blob",) + usage())
strings = {str(i): str(i) * 10 for i in range(100000)}
phases.append(("strings",) + usage())
for name, rss, flt in phases:
    print(f"{name:10} maxrss grew: {rss > base_rss}  faults grew: {flt > base_flt}")
print(phases[2][1] - phases[1][1] > 30000, phases[3][1] == phases[2][1])
print(resource.getpagesize(), resource.RLIMIT_AS is not None)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(soft > 0, hard >= soft)
del matrix, strings
