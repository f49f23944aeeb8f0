_CACHE = {}
_HITS = 0


def expensive(key):
    global _HITS
    if key in _CACHE:
        _HITS += 1
        return _CACHE[key]
    value = [key] * 50 + [str(key)]
    _CACHE[key] = value
    return value


def handle_request(i):
    return len(expensive(i % 7000)) + len(expensive(i))


served = 0
for i in range(40000):
    served += handle_request(i)
print(served, len(_CACHE), _HITS)

def read_status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])

rss_before = read_status("VmRSS:")
for k in [k for k in _CACHE if k >= 7000]:
    del _CACHE[k]
print(len(_CACHE), read_status("VmRSS:") <= rss_before)
_CACHE.clear()
print(len(_CACHE), _HITS)
