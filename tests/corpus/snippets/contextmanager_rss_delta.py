from contextlib import contextmanager


def rss_kib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4


@contextmanager
def track(label):
    before = rss_kib()
    try:
        yield
    finally:
        print(f"{label}: {rss_kib() - before:+d} KiB")


with track("build"):
    table = [[j for j in range(50)] for i in range(20000)]

with track("free"):
    del table

with track("strings"):
    names = [f"name-{i}" for i in range(100000)]
