from datetime import datetime, timedelta, timezone
from collections import defaultdict

start = datetime(2026, 3, 28, 22, 0, tzinfo=timezone.utc)
events = [start + timedelta(seconds=37 * i) for i in range(40_000)]
print("first", events[0].isoformat(), "last", events[-1].isoformat())

per_hour = defaultdict(int)
for ts in events:
    per_hour[ts.replace(minute=0, second=0, microsecond=0)] += 1
for hour in sorted(per_hour)[:5]:
    print(hour.strftime("%Y-%m-%d %H:00"), per_hour[hour])

span = events[-1] - events[0]
print("span:", span, span.total_seconds(), "s")
weekdays = defaultdict(int)
for ts in events[::100]:
    weekdays[ts.strftime("%a")] += 1
print(dict(weekdays))

deadline = start + timedelta(days=3, hours=5)
late = sum(1 for ts in events if ts > deadline)
print("late:", late)
labels = [ts.strftime("%H:%M:%S") for ts in events]
print(labels[:3], len(set(labels)))
del events, labels
