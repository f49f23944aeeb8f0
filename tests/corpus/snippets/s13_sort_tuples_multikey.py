import random

random.seed(13)
people = [(random.choice(["ann", "bob", "cid", "dee"]), random.randint(18, 90), random.random())
          for _ in range(100000)]
people.sort()
print("first:", people[0][:2], "last:", people[-1][:2])
by_age = sorted(people, key=lambda p: (p[1], p[0]))
print("youngest:", by_age[0][:2])
people.sort(key=lambda p: p[2], reverse=True)
print("top score:", round(people[0][2], 4))
del by_age
top = people[:1000]
del people
print("top kept:", len(top))
