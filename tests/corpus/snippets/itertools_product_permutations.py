import itertools
import string

letters = "abcdef"
perms = list(itertools.permutations(letters))
print("permutations:", len(perms), perms[0], perms[-1])

grid = list(itertools.product(range(30), range(30), range(30)))
print("product:", len(grid))
on_sphere = sum(1 for x, y, z in grid if x * x + y * y + z * z == 29 * 29)
print("on sphere:", on_sphere)
del grid

combos = list(itertools.combinations(range(40), 3))
print("combinations:", len(combos), sum(map(sum, combos)))

pins = ("".join(p) for p in itertools.product(string.digits, repeat=4))
print("pins ending 77:", sum(1 for p in pins if p.endswith("77")))

acc = list(itertools.accumulate(range(1, 50_001)))
print("accumulate last:", acc[-1])
pairs = list(itertools.pairwise(acc[:10]))
print(pairs[:3])
del perms, combos, acc
