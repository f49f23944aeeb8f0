from functools import cmp_to_key

def parse(v):
    return tuple(int(p) for p in v.split("."))

def compare(a, b):
    pa, pb = parse(a), parse(b)
    return (pa > pb) - (pa < pb)

versions = [f"{i % 4}.{(i * 7) % 13}.{(i * 31) % 101}" for i in range(30000)]
ordered = sorted(versions, key=cmp_to_key(compare))
print(ordered[:3], ordered[-1])
fast = sorted(versions, key=parse)
print(fast == ordered)
latest = max(versions, key=parse)
print(latest, len(set(versions)))
del ordered, fast
unique = sorted(set(versions), key=parse, reverse=True)
print(len(unique), unique[0])
del versions
