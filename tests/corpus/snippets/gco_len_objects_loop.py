import gc

cache = {}


def lookup(key):
    if key not in cache:
        cache[key] = [key, {"hits": 0}]
    entry = cache[key]
    entry[1]["hits"] += 1
    return entry


baseline = len(gc.get_objects())
print("baseline:", baseline)
for rnd in range(5):
    for k in range(2000 * rnd, 2000 * rnd + 3000):
        lookup(k)
    gc.collect()
    now = len(gc.get_objects())
    print(f"round {rnd}: {now} objects, +{now - baseline} since start")
