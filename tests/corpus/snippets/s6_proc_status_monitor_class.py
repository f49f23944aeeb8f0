class MemMonitor:
    FIELDS = ("VmRSS", "VmHWM", "VmData", "RssAnon")

    def __init__(self):
        self.samples = []

    def read(self):
        out = {}
        with open("/proc/self/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in self.FIELDS:
                    out[key] = int(rest.split()[0])
        return out

    def __enter__(self):
        self.before = self.read()
        return self

    def __exit__(self, *exc):
        after = self.read()
        self.samples.append({k: after[k] - self.before[k] for k in self.FIELDS})
        return False


mon = MemMonitor()
with mon:
    data = [list(range(50)) for _ in range(20000)]
with mon:
    del data
with mon:
    text = "x" * 30_000_000
with mon:
    del text
for s in mon.samples:
    print({k: v > 0 for k, v in s.items()})
print(sorted(mon.read()))
