import random
from collections import Counter

rng = random.Random(2024)
items = ["apple", "banana", "cherry", "date", "elderberry"]
weights = [50, 25, 15, 7, 3]
picks = rng.choices(items, weights=weights, k=200000)
print(Counter(picks).most_common())
cum = rng.choices(items, cum_weights=[10, 20, 30, 40, 100], k=10)
print(cum)
deck = [f"{r}{s}" for s in "SHDC" for r in list("23456789") + ["10", "J", "Q", "K", "A"]]
rng.shuffle(deck)
print(deck[:5], len(deck))
hands = [rng.sample(deck, 5) for _ in range(20000)]
print(hands[0], sum("AS" in h for h in hands))
print(rng.randrange(0, 100, 5), round(rng.uniform(1, 2), 6), rng.getrandbits(16))
state = rng.getstate()
a = [rng.random() for _ in range(3)]
rng.setstate(state)
b = [rng.random() for _ in range(3)]
print(a == b, len(state[1]))
del picks, hands
gauss = [rng.gauss(0, 1) for _ in range(10000)]
print(round(sum(gauss) / len(gauss), 4))
