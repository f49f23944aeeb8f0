import random

random.seed(2024)
suits = "SHDC"
ranks = "A23456789TJQK"
deck = [r + s for s in suits for r in ranks]

hands = []
for _ in range(20000):
    random.shuffle(deck)
    hands.append(tuple(deck[:5]))
print(hands[0], len(set(hands)))

pairs = sum(1 for h in hands if len({c[0] for c in h}) < 5)
print(pairs, round(pairs / len(hands), 3))

rng = random.Random(7)
sampled = rng.sample(range(1_000_000), 5000)
print(sampled[:5], len(set(sampled)))
print(rng.choice(deck), rng.randrange(0, 100, 5), round(rng.uniform(1, 2), 6), rng.getrandbits(40))
weights = rng.choices(["a", "b", "c"], weights=[5, 3, 1], k=10)
print(weights)
state = random.getstate()
x = random.random()
random.setstate(state)
print(x == random.random())
del hands
