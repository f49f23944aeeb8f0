def averager():
    total = 0.0
    count = 0
    avg = None
    try:
        while True:
            value = yield avg
            if value is None:
                break
            total += value
            count += 1
            avg = total / count
    finally:
        print("averager closing after", count)
    return count, avg


def delegator(results, key):
    while True:
        results[key] = yield from averager()


results = {}
for key in ("a", "b", "c"):
    group = delegator(results, key)
    next(group)
    for v in range(key.encode()[0] * 100):
        group.send(v)
    group.send(None)
    group.close()
print(results)

def chunks(n):
    buf = []
    for i in range(n):
        buf.append(str(i) * 3)
        if len(buf) == 1000:
            yield buf
            buf = []
    if buf:
        yield buf

gen = chunks(200000)
kept = [next(gen) for _ in range(50)]
gen.close()
print(len(kept), kept[-1][-1])
try:
    next(gen)
except StopIteration:
    print("closed")
del kept
