from datetime import date, datetime, timedelta, timezone

base = datetime(2024, 3, 1, 8, 0)
shifts = []
for i in range(40000):
    start = base + timedelta(hours=i * 5, minutes=(i * 13) % 60)
    end = start + timedelta(hours=4 + i % 6, minutes=30)
    shifts.append((f"emp{i % 250}", start, end))

hours = {}
for emp, start, end in shifts:
    hours[emp] = hours.get(emp, timedelta()) + (end - start)
top = max(hours.items(), key=lambda kv: kv[1])
print(top[0], top[1], top[1].total_seconds() / 3600)

by_weekday = [0] * 7
for _, start, _ in shifts:
    by_weekday[start.weekday()] += 1
print(by_weekday)
night = sum(1 for _, s, e in shifts if s.date() != e.date())
print("overnight", night)
last = shifts[-1][2]
print(last.isoformat(), last.strftime("%Y-%m-%d %H:%M (%a)"), last.date() - date(2024, 3, 1))
utc = last.replace(tzinfo=timezone.utc)
print(utc.astimezone(timezone(timedelta(hours=-5))).isoformat())
parsed = [datetime.strptime(f"2024-05-{1 + i % 28:02d} {i % 24:02d}:15", "%Y-%m-%d %H:%M") for i in range(5000)]
print(min(parsed), max(parsed) - min(parsed))
print(datetime.fromisoformat("2024-02-29T12:30:00") + timedelta(days=365))
print(timedelta(days=1, seconds=-1), timedelta(weeks=3) // timedelta(days=2), abs(timedelta(hours=-3)))
del shifts, parsed
