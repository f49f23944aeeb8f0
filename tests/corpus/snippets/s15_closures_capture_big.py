def make_handlers(n):
    handlers = []
    for i in range(n):
        data = list(range(i * 10, i * 10 + 1000))

        def handler(x, data=data, i=i):
            return data[x % len(data)] + i

        handlers.append(handler)
    return handlers


hs = make_handlers(300)
print(hs[5](3), hs[-1](999), len(hs[0].__defaults__[0]))


def make_counter():
    counts = {}
    history = []

    def count(word):
        counts[word] = counts.get(word, 0) + 1
        history.append(word)
        return counts[word]
    return count


counter = make_counter()
for i in range(100000):
    counter(f"w{i % 5000}")
cell_names = counter.__code__.co_freevars
print(cell_names, len(counter.__closure__[1].cell_contents))
lambdas = [lambda k=k: k * 2 for k in range(50000)]
print(sum(f() for f in lambdas))
del hs
del lambdas
print(counter("w1"))
del counter
