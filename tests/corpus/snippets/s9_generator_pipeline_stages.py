def read_records(n):
    for i in range(n):
        yield f"{i},{'user' + str(i % 300)},{(i * 13) % 997}"


def parse(lines):
    for line in lines:
        i, user, score = line.split(",")
        yield {"id": int(i), "user": user, "score": int(score)}


def keep(records, minimum):
    return (r for r in records if r["score"] >= minimum)


def batched(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


pipeline = batched(keep(parse(read_records(200000)), 500), 1000)
print(type(pipeline).__name__)
first = next(pipeline)
print(len(first), first[0])
sizes = [len(b) for b in pipeline]
print(len(sizes), sizes[-1], sum(sizes) + len(first))
gen = (x * x for x in range(10))
print(sum(gen), sum(gen))
best = {}
for rec in keep(parse(read_records(50000)), 990):
    best[rec["user"]] = max(best.get(rec["user"], 0), rec["score"])
print(len(best), sorted(best.items())[:2])
materialized = list(parse(read_records(100000)))
print(len(materialized))
del materialized
