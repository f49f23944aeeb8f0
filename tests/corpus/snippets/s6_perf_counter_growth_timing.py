import time

timings = {}
for n in (10000, 100000, 400000):
    t0 = time.perf_counter()
    lst = []
    for i in range(n):
        lst.append(i)
    t1 = time.perf_counter()
    comp = [i for i in range(n)]
    t2 = time.perf_counter()
    timings[n] = (t1 - t0, t2 - t1)
    del lst, comp
for n, (loop, comp) in timings.items():
    print(f"{n:>7}: loop slower than comprehension: {loop > comp}")
start_ns = time.perf_counter_ns()
s = set(range(300000))
elapsed_ms = (time.perf_counter_ns() - start_ns) / 1e6
print(elapsed_ms > 0, len(s))
t = time.monotonic()
mono_ok = time.monotonic() >= t
print(mono_ok, type(time.time()).__name__, time.process_time() >= 0)
del s
