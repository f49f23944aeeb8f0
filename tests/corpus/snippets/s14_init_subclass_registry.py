class Handler:
    registry = {}

    def __init_subclass__(cls, /, kind=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind or cls.__name__.lower()
        Handler.registry[cls.kind] = cls

    def __init__(self, payload):
        self.payload = payload

    def handle(self):
        raise NotImplementedError


def counted(cls):
    cls.calls = 0
    original = cls.handle

    def handle(self):
        cls.calls += 1
        return original(self)

    cls.handle = handle
    return cls


@counted
class Upper(Handler, kind="upper"):
    def handle(self):
        return self.payload.upper()


@counted
class Reverse(Handler):
    def handle(self):
        return self.payload[::-1]


class Length(Handler, kind="len"):
    def handle(self):
        return len(self.payload)


print(sorted(Handler.registry))
jobs = [Handler.registry[("upper", "reverse", "len")[i % 3]](f"msg-{i}" * 3) for i in range(30000)]
results = [j.handle() for j in jobs]
print(results[:3], Upper.calls, Reverse.calls)
del jobs, results
print(Reverse.kind, Length.kind)
