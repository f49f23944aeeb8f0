import random

random.seed(3)
people = [{"name": f"n{random.randint(0, 99999)}", "age": random.randint(18, 90), "score": random.random()} for _ in range(100000)]

by_age = sorted(people, key=lambda p: (p["age"], p["name"]))
print(by_age[0]["age"], by_age[-1]["age"])

by_score = sorted(people, key=lambda p: p["score"], reverse=True)
print(round(by_score[0]["score"], 3))

names = [p["name"] for p in people]
names.sort(key=str.lower)
print(names[:2])

words = [f"{'x' * (i % 17)}{i}" for i in range(100000)]
longest = sorted(words, key=len)[-3:]
print(longest)

decorated = [(p["age"], i, p) for i, p in enumerate(people)]
decorated.sort()
undecorated = [p for _, _, p in decorated]
print(undecorated[0]["age"])
del decorated, undecorated, by_age, by_score
del people, words, names
print("sorted")
