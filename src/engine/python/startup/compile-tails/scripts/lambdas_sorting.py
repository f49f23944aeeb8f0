records = [(i, str(i), i % 13) for i in range(5000)]
by_mod = sorted(records, key=lambda r: (r[2], -r[0]))
keyf = lambda r: r[1]
by_name = sorted(records, key=keyf)
top = max(records, key=lambda r: r[2] * 1000 + r[0])
del records
