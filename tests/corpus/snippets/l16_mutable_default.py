def collect(item, bucket=[]):
    bucket.append(item)
    return bucket

for i in range(300_000):
    r = collect(i * 2)
print(len(r), r is collect.__defaults__[0])

def collect_ok(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

for i in range(300_000):
    r2 = collect_ok(i)
print(len(r2))
collect.__defaults__[0].clear()
del r
print(len(collect.__defaults__[0]))
