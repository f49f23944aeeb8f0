import random

rng = random.Random(1234)
deck = [(rank, suit) for suit in "SHDC" for rank in range(1, 14)]
hands = []
for _ in range(20000):
    rng.shuffle(deck)
    hands.append(tuple(deck[:5]))
print(hands[0], len(set(hands)))

population = list(range(200000))
picked = rng.sample(population, 5000)
weighted = rng.choices(["a", "b", "c"], weights=[5, 3, 1], k=100000)
print(picked[:3], weighted.count("a"), weighted.count("c"))

random.seed(99)
noise = [random.uniform(-1, 1) for _ in range(100000)]
print(round(sum(noise), 6), random.getrandbits(16))

state = random.getstate()
first = random.random()
random.setstate(state)
print(first == random.random())
del hands, population, weighted, noise
print("done")
