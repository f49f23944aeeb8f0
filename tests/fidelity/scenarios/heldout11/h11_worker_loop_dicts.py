# title: A long-running worker loop of dicts: does RSS creep?
#
# Held-out (issue 9): a service loop that takes a batch of messages, turns
# each into a dict, aggregates per user and keeps only a small rolling
# summary. People watch RSS over many iterations.
from collections import defaultdict

summary = []
for batch in range(60):
    messages = [
        {"user": f"u{(batch * 7 + i) % 503}", "bytes": i * 13 % 4096, "path": f"/api/v1/items/{i}"}
        for i in range(3000)
    ]
    per_user = defaultdict(int)
    for m in messages:
        per_user[m["user"]] += m["bytes"]
    top = sorted(per_user.items(), key=lambda kv: kv[1], reverse=True)[:5]
    summary.append((batch, top))
    if len(summary) > 10:
        summary.pop(0)
del messages, per_user
