import random

random.seed(11)
index = {}
for i in range(150000):
    tag = f"tag{random.randrange(3000)}"
    index.setdefault(tag, set()).add(i)
print(len(index), max(len(s) for s in index.values()))
everything = set().union(*index.values())
print(len(everything))
for tag in list(index)[::2]:
    del index[tag]
print(len(index))
del everything
common = {t: len(s) for t, s in index.items() if len(s) > 50}
print(len(common))
index.clear()
print(len(index))
