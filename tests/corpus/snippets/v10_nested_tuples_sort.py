import random

random.seed(11)
records = [(random.randrange(100), random.random(), f"id{i}") for i in range(120000)]
print(records[0][2])
records.sort()
print(records[0][0], records[-1][0])
by_score = sorted(records, key=lambda r: (-r[1], r[2]))
print(by_score[0][2])
top = by_score[:1000]
del by_score
pairs = list(zip(records[::2], records[1::2]))
print(len(pairs), len(top))
del records
print(len(pairs))
