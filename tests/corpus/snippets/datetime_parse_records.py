from datetime import datetime, timedelta

raw = [f"2023-{m:02d}-{d:02d} {h:02d}:15:00" for m in range(1, 13) for d in range(1, 29) for h in range(0, 24, 3)]
records = []
for s in raw * 10:
    ts = datetime.strptime(s, "%Y-%m-%d %H:%M:%S")
    records.append({"ts": ts, "day": ts.date(), "late": ts.hour >= 18})

start = min(r["ts"] for r in records)
span = max(r["ts"] for r in records) - start
print(len(records), "records over", span.days, "days")
recent = [r for r in records if r["ts"] > start + timedelta(days=300)]
print(len(recent), recent[0]["ts"].isoformat())
del records
