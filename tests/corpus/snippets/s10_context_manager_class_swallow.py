class Suppressing:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = []

    def __enter__(self):
        self.buffer = [0] * 10000
        return self

    def __exit__(self, exc_type, exc, tb):
        self.buffer = None
        if exc_type is not None and issubclass(exc_type, self.kinds):
            self.caught.append((exc_type.__name__, str(exc), tb.tb_lineno > 0))
            return True
        return False


guard = Suppressing(KeyError, ZeroDivisionError)
data = {"a": 1}
for i in range(3000):
    with guard:
        if i % 3 == 0:
            data[f"missing{i}"]
        elif i % 3 == 1:
            i / 0
print(len(guard.caught), guard.caught[0], guard.caught[1])

try:
    with guard as g:
        raise ValueError("not swallowed")
except ValueError as e:
    print("escaped:", e, g is guard)

with Suppressing(IndexError) as s:
    items = list(range(100000))
    items[200000]
print(s.caught, s.buffer, len(items))
del guard, items
