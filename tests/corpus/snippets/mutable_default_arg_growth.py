# The classic: a mutable default argument that quietly grows on every call.


def record_event(name, payload, log=[]):
    log.append((name, payload))
    return len(log)


def record_event_fixed(name, payload, log=None):
    if log is None:
        log = []
    log.append((name, payload))
    return len(log)


for i in range(100_000):
    n = record_event("click", {"x": i, "y": -i})
print("events remembered by the default list:", n)
print("default object:", len(record_event.__defaults__[0]))

for i in range(100_000):
    m = record_event_fixed("click", {"x": i, "y": -i})
print("fixed version:", m)

cache_like = record_event.__defaults__[0]
print("first:", cache_like[0], "last:", cache_like[-1][0])
cache_like.clear()
print("after clear:", record_event("again", None))


class Collector:
    def add(self, item, bucket=[]):
        bucket.append(item)
        return bucket


c1, c2 = Collector(), Collector()
for i in range(30_000):
    c1.add(str(i))
print("shared across instances:", len(c2.add("x")))
del cache_like
