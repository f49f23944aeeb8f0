import json
import os
import tempfile

fd, path = tempfile.mkstemp(suffix=".jsonl")
with os.fdopen(fd, "w") as f:
    for i in range(30000):
        rec = {"id": i, "user": f"u{i % 500}", "tags": ["a", "b"][: i % 3], "score": i / 10}
        f.write(json.dumps(rec) + "\n")
print("bytes:", os.path.getsize(path))

by_user = {}
with open(path) as f:
    for line in f:
        rec = json.loads(line)
        by_user.setdefault(rec["user"], []).append(rec)
print(len(by_user), len(by_user["u7"]), by_user["u7"][0])

summary = {u: round(sum(r["score"] for r in rs), 1) for u, rs in by_user.items()}
top = sorted(summary.items(), key=lambda kv: kv[1], reverse=True)[:3]
print(top)
del by_user
os.remove(path)
print(os.path.exists(path), json.dumps(top, indent=1)[:20])
