class SafeDict(dict):
    def __missing__(self, key):
        return "{" + key + "}"

row_tpl = "{id:>6} | {name:<12} | {price:>9.2f} | {tag}"
rows = []
for i in range(20000):
    data = SafeDict(id=i, name=f"product{i % 97}", price=i * 0.37)
    if i % 5 == 0:
        data["tag"] = "sale"
    rows.append(row_tpl.format_map(data))

print(rows[0])
print(rows[1])
print(len(rows), sum(len(r) for r in rows))
print("{a}-{b}".format_map(SafeDict(a=1)))
print("{0[x]} {0[y]:03d}".format({"x": "pt", "y": 7}))
try:
    "{missing}".format_map({})
except KeyError as e:
    print("KeyError", e)
report = "\n".join(rows)
del rows
print(report.count("sale"), len(report))
