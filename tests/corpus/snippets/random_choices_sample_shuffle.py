import random
from collections import Counter

random.seed(1234)

population = [f"item-{i}" for i in range(100_000)]
weights = [1 + (i % 10) for i in range(len(population))]

picked = random.choices(population, weights=weights, k=200_000)
print("distinct picked:", len(set(picked)))

sample = random.sample(population, 10_000)
print("sample head:", sample[:3])

deck = list(range(500_000))
random.shuffle(deck)
print("first cards:", deck[:5])

counts = Counter(random.randint(1, 6) for _ in range(60_000))
print("dice:", sorted(counts.items()))

floats = [random.random() for _ in range(100_000)]
print(f"mean of uniform: {sum(floats) / len(floats):.4f}")
gauss = [random.gauss(0, 1) for _ in range(50_000)]
print(f"max gauss {max(gauss):.3f}")

del picked, deck, floats, gauss
print("uniform(2, 5):", round(random.uniform(2, 5), 6), random.choice(population))
