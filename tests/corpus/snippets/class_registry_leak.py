class Handler:
    registry = []

    def __init__(self, name, payload):
        self.name = name
        self.payload = payload
        Handler.registry.append(self)


def process_batch(n):
    for i in range(n):
        h = Handler("h%d" % i, [0] * 50)


process_batch(100000)
print(len(Handler.registry), "handlers still registered")
Handler.registry.clear()
