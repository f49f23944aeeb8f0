import json, io
from collections import defaultdict

lines = io.StringIO()
for i in range(30000):
    lines.write(json.dumps({"user": f"u{i % 300}", "bytes": i * 7, "path": "/x/" + str(i % 17)}) + "\n")
lines.seek(0)

per_user = defaultdict(list)
for line in lines:
    rec = json.loads(line)
    per_user[rec["user"]].append(rec["bytes"])

top = sorted(per_user.items(), key=lambda kv: sum(kv[1]), reverse=True)[:3]
for user, vals in top:
    print(f"{user:>6} {sum(vals):>12,} {len(vals)}")
del lines, per_user
