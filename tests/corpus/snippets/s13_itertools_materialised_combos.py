import itertools

colors = ["red", "green", "blue", "black", "white"]
sizes = list(range(30))
grid = list(itertools.product(colors, sizes, repeat=2))
print("product:", len(grid))
pairs = list(itertools.combinations(range(600), 2))
print("pairs:", len(pairs), pairs[-1])
perms = list(itertools.permutations("abcdefgh", 5))
print("perms:", len(perms))
lazy = itertools.combinations(range(600), 2)
print("lazy first:", next(lazy))
del grid
with_repl = sum(1 for _ in itertools.combinations_with_replacement(range(100), 3))
print("counted:", with_repl)
del pairs, perms
