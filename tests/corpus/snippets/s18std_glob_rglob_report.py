import os
import tempfile
from pathlib import Path

base = Path(tempfile.mkdtemp(prefix="data_"))
for region in ["eu", "us", "apac"]:
    for kind in ["daily", "weekly"]:
        folder = base / region / kind
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(40 if kind == "daily" else 8):
            (folder / f"report_{i:03d}.csv").write_text("date,value\n" + "2024-01-01,1\n" * (i + 1))
            if i % 10 == 0:
                (folder / f"report_{i:03d}.meta").write_text("{}")

csvs = list(base.rglob("*.csv"))
metas = list(base.rglob("*.meta"))
print(len(csvs), len(metas))
daily = sorted(base.glob("*/daily/report_0[0-1]?.csv"))
print(len(daily), daily[0].name, daily[-1].parent.parent.name in {"eu", "us", "apac"})
rows = 0
for p in csvs:
    with p.open() as fh:
        rows += sum(1 for _ in fh) - 1
print(rows)
sizes = sorted((p.stat().st_size, p.name) for p in csvs)
print(sizes[0][0], sizes[-1][0])
for p in metas:
    p.unlink()
print(len(list(base.rglob("*.meta"))), len(os.listdir(base / "eu" / "daily")))
del csvs, sizes, daily
