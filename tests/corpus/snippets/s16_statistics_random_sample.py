import random
import statistics

random.seed(42)
population = list(range(1000000))
sample = random.sample(population, 50000)
print(len(sample), sample[:3])

values = [random.gauss(100, 15) for _ in range(100000)]
print(round(statistics.mean(values), 2))
print(round(statistics.median(values), 2))
print(round(statistics.stdev(values[:20000]), 2))
print(statistics.mode([v // 10 for v in values[:10000]]))

q = statistics.quantiles(values, n=4)
print([round(x, 1) for x in q])

shuffled = population[:]
random.shuffle(shuffled)
print(shuffled[0] != population[0] or shuffled[1] != population[1])
del population, shuffled
weights = random.choices(["a", "b", "c"], weights=[5, 3, 1], k=30000)
print(weights.count("a") > weights.count("c"))
del values, sample, weights
