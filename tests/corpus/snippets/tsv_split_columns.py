# parsing tab-separated text without the csv module
header = "id\tcity\ttemp\thumidity"
lines = [header] + [f"{i}\tcity{i % 50}\t{(i % 400) / 10:.1f}\t{i % 100}" for i in range(150_000)]
raw = "\n".join(lines)
del lines

rows = [line.split("\t") for line in raw.splitlines()[1:]]
print(len(rows), rows[0])

ids, cities, temps, hums = zip(*rows)
temps = [float(t) for t in temps]
hums = list(map(int, hums))
print(max(temps), sum(hums) / len(hums))

by_city = {}
for city, t in zip(cities, temps):
    by_city.setdefault(city, []).append(t)
averages = {c: sum(v) / len(v) for c, v in by_city.items()}
print(sorted(averages.items())[:3])

del rows, ids, cities
print(len(raw))
