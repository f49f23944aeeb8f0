class Resource:
    opened = 0

    def __init__(self, name):
        self.name = name
        self.buffer = bytearray(2048)

    def __enter__(self):
        Resource.opened += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        self.buffer = None
        return exc_type is KeyError


class TransientError(Exception):
    pass


failures = []
for i in range(5000):
    with Resource(f"r{i}") as r:
        if i % 7 == 0:
            raise KeyError(i)
    try:
        if i % 3 == 0:
            raise TransientError(f"attempt {i} failed")
    except TransientError as e:
        failures.append(e)
print(Resource.opened, len(failures))
print(failures[-1], failures[-1].__traceback__ is not None)
messages = [str(e) for e in failures]
del failures
print(len(messages), messages[0])
