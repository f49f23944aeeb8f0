from datetime import datetime, timedelta, date

start = datetime(2024, 2, 27, 22, 30)
stamps = [start + timedelta(minutes=17 * i) for i in range(40000)]
print(stamps[0], stamps[-1], stamps[-1] - stamps[0])

per_day = {}
for ts in stamps:
    key = ts.strftime("%Y-%m-%d")
    per_day[key] = per_day.get(key, 0) + 1

print(len(per_day), list(per_day.items())[:3])
leap = date(2024, 2, 29)
print(leap.strftime("%A %d %B %Y"), leap.isoformat(), leap.weekday())

gaps = [b - a for a, b in zip(stamps, stamps[1:])]
print(sum(gaps, timedelta()) / len(gaps), max(gaps).total_seconds())

labels = [ts.strftime("%H:%M") for ts in stamps[:2000]]
print(labels[:4], len(set(labels)))
del stamps, gaps
print(datetime(2024, 3, 1) - timedelta(days=1), (date(2025, 1, 1) - leap).days)
