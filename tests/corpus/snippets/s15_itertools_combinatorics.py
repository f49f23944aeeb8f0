from itertools import product, combinations, permutations, pairwise, zip_longest, combinations_with_replacement
from collections import Counter

dice = Counter(sum(roll) for roll in product(range(1, 7), repeat=5))
print(dice.most_common(3), sum(dice.values()))

items = list(range(60))
pairs = list(combinations(items, 3))
print(len(pairs), pairs[-1])
del pairs

perms = ["".join(p) for p in permutations("abcdefgh")]
print(len(perms), perms[12345])
del perms

series = [i * i % 97 for i in range(100000)]
diffs = [b - a for a, b in pairwise(series)]
print(len(diffs), max(diffs), min(diffs))

cols = list(zip_longest(range(5), "abc", [1.5], fillvalue="-"))
print(cols)
multisets = sum(1 for _ in combinations_with_replacement(range(30), 4))
print(multisets)
del series, diffs
