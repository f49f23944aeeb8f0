from datetime import datetime, timedelta, date, timezone

start = datetime(2024, 1, 1, 8, 30)
stamps = [start + timedelta(minutes=17 * i) for i in range(80000)]
print(stamps[0].isoformat(), stamps[-1].isoformat(timespec="minutes"))
weeks = {}
for t in stamps:
    year, week, _ = t.isocalendar()
    weeks.setdefault((year, week), 0)
    weeks[(year, week)] += 1
print(len(weeks), list(weeks.items())[:2])
span = stamps[-1] - stamps[0]
print(span, span.days, span.total_seconds() / 3600)
labels = [t.strftime("%Y-%m-%d %H:%M") for t in stamps[::1000]]
print(labels[:2])
parsed = [datetime.fromisoformat(s.replace(" ", "T")) for s in labels]
print(parsed[1] - parsed[0], parsed[1].weekday(), parsed[1].date())
d = date(2024, 2, 28)
print(d + timedelta(days=1), (date(2024, 12, 25) - d).days, d.replace(day=1))
utc = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)
print(utc.astimezone(timezone(timedelta(hours=5, minutes=30))).isoformat())
print(max(stamps) > min(stamps), timedelta(hours=36) // timedelta(days=1))
del stamps
