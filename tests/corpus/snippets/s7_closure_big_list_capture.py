def make_handlers(n):
    handlers = []
    for i in range(n):
        payload = list(range(i * 100, i * 100 + 1000))

        def handler(x, payload=payload):
            return x in payload

        handlers.append(handler)
    return handlers


def make_lazy(n):
    data = [str(i) for i in range(n)]
    size = len(data)

    def report():
        return f"{size} items"

    def peek():
        return data[0]

    return report, peek


hs = make_handlers(300)
print(sum(h(5000) for h in hs), len(hs[0].__defaults__[0]))
report, peek = make_lazy(300000)
print(report(), peek())
print([c.cell_contents if not isinstance(c.cell_contents, list) else len(c.cell_contents)
       for c in peek.__closure__])
print(report.__code__.co_freevars, peek.__code__.co_freevars)
del peek
print(report())
del hs
adders = [lambda x, i=i: x + i for i in range(10)]
late = [lambda x: x + i for i in range(10)]
print(adders[3](0), late[3](0))
