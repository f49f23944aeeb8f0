from concurrent.futures import ThreadPoolExecutor


def build(n):
    return sum(len(str(x)) for x in [[i] * 20 for i in range(n)])


with ThreadPoolExecutor(max_workers=4) as ex:
    sizes = list(ex.map(build, [50000] * 8))

print(sizes[:2])
