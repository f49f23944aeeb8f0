names = [f"user{i}" for i in range(100_000)]
ages = [18 + (i * 13) % 60 for i in range(100_000)]
scores = map(lambda i: (i * 37) % 101, range(100_000))

people = list(zip(names, ages, scores))
print(people[:2])

adults = list(filter(lambda p: p[1] >= 30, people))
labels = list(map(str.upper, (p[0] for p in adults)))
print(len(adults), labels[0])

for rank, (name, age, score) in enumerate(sorted(adults, key=lambda p: p[2], reverse=True)[:3], start=1):
    print(rank, name, age, score)

total_age = sum(map(lambda p: p[1], people))
squares = dict(zip(range(50_000), map(lambda x: x * x, range(50_000))))
del people, adults
print(total_age, len(squares), len(labels))
