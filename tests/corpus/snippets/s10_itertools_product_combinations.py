import itertools

colors = ["red", "green", "blue", "black"]
sizes = ["S", "M", "L", "XL", "XXL"]
prints = [f"p{i}" for i in range(50)]
variants = list(itertools.product(colors, sizes, prints))
print(len(variants), variants[0], variants[-1])
skus = {f"{c[:1]}-{s}-{p}": (c, s, p) for c, s, p in variants}
print(len(skus))

nums = list(range(60))
pairs = list(itertools.combinations(nums, 2))
triples = sum(1 for t in itertools.combinations(nums, 3) if sum(t) % 7 == 0)
print(len(pairs), triples)
perms = list(itertools.permutations("abcdef", 4))
print(len(perms), "".join(perms[100]))
with_rep = list(itertools.combinations_with_replacement(range(10), 3))
print(len(with_rep), with_rep[-1])
grid = list(itertools.product(range(200), repeat=2))
print(len(grid))
del variants, pairs, perms, grid
print(len(skus))
