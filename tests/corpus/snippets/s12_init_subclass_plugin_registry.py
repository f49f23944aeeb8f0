class Handler:
    registry = {}
    def __init_subclass__(cls, /, kind=None, **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind or cls.__name__.lower()
        Handler.registry[cls.kind] = cls
    def handle(self, payload):
        return (self.kind, len(payload))

class JsonHandler(Handler, kind="json"):
    pass
class CsvHandler(Handler, kind="csv"):
    def handle(self, payload):
        return ("csv", payload.count(","))
class Plain(Handler):
    pass

print(sorted(Handler.registry))
payloads = [("json" if i % 3 == 0 else "csv" if i % 3 == 1 else "plain", "a,b,c" * (i % 20)) for i in range(30000)]
results = [Handler.registry[k]().handle(p) for k, p in payloads]
print(len(results), results[:3])
generated = [type(f"Gen{i}", (Handler,), {"size": i}) for i in range(300)]
print(len(Handler.registry), generated[10].kind)
del generated, results
print(len(payloads))
