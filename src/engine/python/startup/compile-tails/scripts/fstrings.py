rows = []
for i in range(2000):
    rows.append(f"row {i:05d}: {i * 2!r} {'even' if i % 2 == 0 else 'odd'}")
report = "\n".join(f"{r} / {len(r)}" for r in rows)
print(f"{len(report)=}")
del rows
