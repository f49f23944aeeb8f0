records = [(i, f"name{i}", i * 1.5) for i in range(400000)]
by_id = {r[0]: r for r in records}
del records
print(len(by_id))
by_id.clear()
