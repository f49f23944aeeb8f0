import gc
from collections import Counter


def type_census():
    return Counter(type(o).__name__ for o in gc.get_objects())


class Session:
    def __init__(self, user_id):
        self.user_id = user_id
        self.history = []
        self.handlers = {"on_close": lambda: None}


_registry = []


def handle_request(i):
    s = Session(i)
    s.history.append(f"req-{i}")
    _registry.append(s)  # the leak: nobody ever removes it


before = type_census()
print("tracked objects at start:", sum(before.values()))
print(before.most_common(10))

for i in range(5000):
    handle_request(i)

after = type_census()
growth = after - before
print("tracked objects now:", sum(after.values()))
for name, n in growth.most_common(6):
    print(f"{name:>12} +{n}")
