handlers = []


def make_handler(n):
    data = list(range(n))  # captured by the closure below

    def handler(event):
        return event in data

    return handler


for i in range(200):
    handlers.append(make_handler(5000))

print(handlers[3](42), len(handlers))
print(handlers[0].__closure__[0].cell_contents[:3])
handlers = handlers[:10]
