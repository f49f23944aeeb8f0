from datetime import datetime, timedelta

raw = []
start = datetime(2024, 5, 1, 8, 0, 0)
for i in range(20000):
    t0 = start + timedelta(minutes=7 * i)
    t1 = t0 + timedelta(seconds=(i * 37) % 3600)
    raw.append(f"job{i};{t0:%Y-%m-%d %H:%M:%S};{t1.strftime('%d/%m/%Y %H:%M:%S')}")
print(raw[0])
events = []
for line in raw:
    name, a, b = line.split(";")
    began = datetime.strptime(a, "%Y-%m-%d %H:%M:%S")
    ended = datetime.strptime(b, "%d/%m/%Y %H:%M:%S")
    events.append((name, began, ended - began))
del raw
print(events[1])
longest = max(events, key=lambda e: e[2])
print(longest[0], longest[2], longest[2].total_seconds())
per_day = {}
for name, began, took in events:
    per_day[began.date()] = per_day.get(began.date(), timedelta()) + took
first_day = min(per_day)
print(first_day, per_day[first_day], len(per_day))
print(first_day.isoformat(), first_day.strftime("%A %d %B"), first_day.weekday())
try:
    datetime.strptime("2024-13-01", "%Y-%m-%d")
except ValueError as exc:
    print(exc)
print(datetime.fromisoformat("2024-05-01T10:30:00") - start)
del events
