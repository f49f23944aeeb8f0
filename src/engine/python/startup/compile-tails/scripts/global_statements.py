CACHE = {}
HITS = 0


def get(key):
    global HITS
    if key in CACHE:
        HITS += 1
        return CACHE[key]
    value = CACHE[key] = [key] * 20
    return value


for i in range(3000):
    get(i % 500)
print(HITS, len(CACHE))
