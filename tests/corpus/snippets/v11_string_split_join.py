text = "\n".join(f"user{i},{i * 37 % 1000},{'active' if i % 3 else 'gone'}" for i in range(60000))
print(len(text))
rows = [line.split(",") for line in text.splitlines()]
print(len(rows), rows[5])
names = [r[0].upper() for r in rows if r[2] == "active"]
print(len(names), names[:3])
del rows
joined = "|".join(names)
print(len(joined), joined[:20])
del text, names
print(joined.count("|"))
