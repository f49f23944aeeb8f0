from contextlib import suppress, closing, contextmanager
import io


class Connection:
    opened = 0

    def __init__(self, name):
        self.name = name
        self.buffer = []
        Connection.opened += 1

    def send(self, data):
        self.buffer.append(data)

    def close(self):
        Connection.opened -= 1
        self.buffer.clear()


config = {f"opt{i}": i for i in range(5000)}
missing = 0
for i in range(10000):
    with suppress(KeyError):
        config[f"opt{i}"] += 1
        continue
    missing += 1
print("missing:", missing)

sent = 0
for n in range(200):
    with closing(Connection(f"c{n}")) as conn:
        for k in range(500):
            conn.send(b"x" * 64)
        sent += len(conn.buffer)
print("sent:", sent, "open:", Connection.opened)


@contextmanager
def capture():
    out = io.StringIO()
    try:
        yield out
    finally:
        print("captured", len(out.getvalue()))


with capture() as out:
    for i in range(30000):
        out.write(f"{i}\n")

with suppress(ZeroDivisionError, ValueError):
    int("not a number")
del config
print("done")
