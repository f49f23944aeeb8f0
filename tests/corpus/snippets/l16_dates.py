from datetime import datetime, timedelta, date

start = datetime(2024, 1, 1, 8, 30)
stamps = [start + timedelta(minutes=15 * i) for i in range(100_000)]
print(stamps[-1].isoformat())
labels = [s.strftime("%Y-%m-%d %H:%M") for s in stamps[:20_000]]
print(labels[1234])
by_day = {}
for s in stamps:
    by_day.setdefault(s.date(), 0)
    by_day[s.date()] += 1
print(len(by_day), by_day[date(2024, 2, 29)])
weekends = sum(1 for d in by_day if d.weekday() >= 5)
print(weekends)
del stamps, labels
print((date(2026, 12, 7) - date(2024, 1, 1)).days)
