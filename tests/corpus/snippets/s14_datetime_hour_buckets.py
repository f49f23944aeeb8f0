from datetime import datetime, timedelta, date
from collections import defaultdict

start = datetime(2024, 3, 9, 22, 0, 0)
events = [start + timedelta(seconds=37 * i) for i in range(60000)]
print("span:", events[-1] - events[0], events[-1].isoformat())

buckets = defaultdict(list)
for ts in events:
    buckets[ts.replace(minute=0, second=0)].append(ts)
print("hours:", len(buckets))

per_day = defaultdict(int)
for hour, items in buckets.items():
    per_day[hour.date()] += len(items)
print(sorted((d.strftime("%a %d %b"), n) for d, n in per_day.items()))

gaps = [b - a for a, b in zip(events, events[1:]) if (b - a) > timedelta(seconds=30)]
print("gaps:", len(gaps), gaps[0].total_seconds())
del events, gaps
buckets.clear()
print((date(2024, 12, 25) - date(2024, 3, 9)).days, "days")
