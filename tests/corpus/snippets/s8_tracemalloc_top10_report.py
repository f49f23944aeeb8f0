import tracemalloc

tracemalloc.start()


def load_users(n):
    return [{"id": i, "name": f"user{i}", "roles": ["reader"] * (i % 3)} for i in range(n)]


def build_index(users):
    return {u["name"]: u for u in users}


def render(users):
    return "\n".join(f"{u['id']},{u['name']}" for u in users)


users = load_users(15000)
index = build_index(users)
page = render(users)
snapshot = tracemalloc.take_snapshot()
snapshot = snapshot.filter_traces((
    tracemalloc.Filter(False, "<frozen importlib._bootstrap>"),
    tracemalloc.Filter(False, "<unknown>"),
    tracemalloc.Filter(False, tracemalloc.__file__),
))
top = snapshot.statistics("lineno")
print("Top 10 lines")
for index_no, stat in enumerate(top[:10], 1):
    frame = stat.traceback[0]
    print(f"#{index_no}: line {frame.lineno}: {stat.size / 1024:.1f} KiB, {stat.count} blocks")
other = top[10:]
if other:
    print(f"{len(other)} other: {sum(s.size for s in other) / 1024:.1f} KiB")
total = sum(stat.size for stat in top)
print(f"Total allocated size: {total / 1024:.1f} KiB")
current, peak = tracemalloc.get_traced_memory()
print(current > 1_000_000, peak >= current)
by_file = snapshot.statistics("filename")
print(len(by_file) >= 1)
del users, index, page
current2, _ = tracemalloc.get_traced_memory()
print(current2 < current)
tracemalloc.stop()
print(tracemalloc.is_tracing())
