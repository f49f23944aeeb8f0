import random

random.seed(0)
people = [{"name": "p%06d" % i, "age": random.randint(18, 90), "city": random.choice(["Oslo", "Lima", "Pune"])} for i in range(150000)]
people.sort(key=lambda p: (p["city"], p["age"]))
oldest = people[-1]
by_age = sorted(people, key=lambda p: p["age"])
print(oldest["name"], by_age[0]["age"])
del people, by_age
