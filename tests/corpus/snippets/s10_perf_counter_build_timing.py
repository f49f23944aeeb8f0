import time

def timed(label, fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    elapsed = time.perf_counter() - start
    timings[label] = elapsed
    return result

timings = {}

def build_list(n):
    out = []
    for i in range(n):
        out.append(i * 2)
    return out

def build_comp(n):
    return [i * 2 for i in range(n)]

def build_dict(n):
    return {i: i * 2 for i in range(n)}

a = timed("append", build_list, 300000)
b = timed("comp", build_comp, 300000)
c = timed("dict", build_dict, 300000)
print(a == b, len(c), sorted(timings))
print(all(t > 0 for t in timings.values()))
t0 = time.perf_counter_ns()
s = sum(a)
print(s, time.perf_counter_ns() - t0 > 0, isinstance(time.monotonic(), float))
del a, b
del c
print(len(timings))
