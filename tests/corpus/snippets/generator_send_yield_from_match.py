def producer(n):
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got
    return total

g = producer(0)
next(g)
for i in range(100000):
    g.send(i)
try:
    g.send(None)
except StopIteration as e:
    print("result", e.value)

def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

nested = [[i, [i + 1, [i + 2]]] for i in range(50000)]
flat = list(flatten(nested))
print(len(flat))
del nested
match flat[:3]:
    case [a, b, c]:
        print("three", a, b, c)
    case _:
        print("other")
