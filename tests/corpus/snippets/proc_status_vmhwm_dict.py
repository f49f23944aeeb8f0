import gc


def mem():
    """VmRSS and VmHWM in kB, from /proc/self/status."""
    with open("/proc/self/status") as f:
        fields = dict(line.split(":", 1) for line in f if line.startswith("Vm"))
    return {k: int(v.split()[0]) for k, v in fields.items() if k in ("VmRSS", "VmHWM")}


base = mem()
print("start", base)

table = {i: str(i) * 3 for i in range(300_000)}
m1 = mem()
print("dict built  +%d kB rss, hwm %d" % (m1["VmRSS"] - base["VmRSS"], m1["VmHWM"]))

for k in list(table)[::2]:
    del table[k]
m2 = mem()
print("half popped +%d kB rss" % (m2["VmRSS"] - base["VmRSS"]))

table = dict(table)  # a fresh, right-sized copy
m3 = mem()
print("rebuilt     +%d kB rss" % (m3["VmRSS"] - base["VmRSS"]))

del table
gc.collect()
m4 = mem()
print("deleted     +%d kB rss, hwm stays %d" % (m4["VmRSS"] - base["VmRSS"], m4["VmHWM"]))
