import itertools

def read_events(n):
    for i in range(n):
        yield {"id": i, "kind": "click" if i % 3 else "view", "payload": "x" * (i % 50)}

events = read_events(100000)
first, second = itertools.tee(events)

# consume one branch completely before touching the other: tee keeps everything buffered
count = sum(1 for _ in first)
print(f"counted {count} events")

views = [e["id"] for e in second if e["kind"] == "view"]
print(f"{len(views)} views, last id {views[-1]}")

del first, second
a, b, c = itertools.tee(range(50000), 3)
pairs = list(zip(a, itertools.islice(b, 1, None)))
total = sum(c)
print(len(pairs), total)
del pairs, a, b, c
