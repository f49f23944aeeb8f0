import random

random.seed(1)
people = [{"name": f"p{i}", "age": random.randint(1, 99)} for i in range(200000)]

by_age = sorted(people, key=lambda p: p["age"])  # a second list of 200k pointers
print(by_age[0]["age"], by_age[-1]["age"])
del by_age

people.sort(key=lambda p: (p["age"], p["name"]))  # in place, but the keys are a temporary list
print(people[0])
names = sorted({p["name"][:3] for p in people}, reverse=True)
print(names[:3])
