import tracemalloc

tracemalloc.start(4)


def leaf(i):
    return {"k": i, "v": [i, i + 1]}


def middle(n):
    return [leaf(i) for i in range(n)]


def outer(n):
    parts = middle(n)
    extra = list(map(lambda x: x * 2.5, range(n)))
    return parts, extra


before = tracemalloc.take_snapshot()
data = outer(2000)
after = tracemalloc.take_snapshot()
for stat in after.compare_to(before, "lineno")[:6]:
    print(stat)
print(len(after.statistics("traceback")[0].traceback))
