import gc


class Session:
    registry = []

    def __init__(self, user):
        self.user = user
        self.data = list(range(5000))
        Session.registry.append(self)


def handle(user):
    s = Session(user)
    return len(s.data)


for i in range(100):
    handle(f"u{i}")
gc.collect()
leaked = [o for o in gc.get_objects() if isinstance(o, Session)]
print("sessions alive:", len(leaked))
target = leaked[0]
holders = [r for r in gc.get_referrers(target) if r is not leaked]
print([type(h).__name__ for h in holders])
print(any(h is Session.registry for h in holders))
print(len(gc.get_referents(target)), type(gc.get_referents(target)[0]).__name__)
del leaked, target, holders
Session.registry.clear()
gc.collect()
print("after clear:", sum(isinstance(o, Session) for o in gc.get_objects()))
print(gc.is_tracked([]), gc.is_tracked(42), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
