from itertools import product, combinations, permutations, chain, islice, count, cycle, repeat, starmap, zip_longest
grid = list(product(range(30), repeat=3))
print(len(grid), grid[-1])
pairs = list(combinations(range(100), 2))
print(len(pairs))
print(list(islice(permutations("abcd"), 3)))
print(list(islice(cycle([1, 2]), 5)), list(repeat("x", 3)))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(zip_longest("ab", "xyz", fillvalue="-")))
flat = list(chain.from_iterable([[i] * 3 for i in range(5)]))
print(flat)
sq = {n: n * n for n in range(1000) if n % 3 == 0}
ev = {n for n in range(1000) if n % 2 == 0}
print(len(sq), len(ev), sum(sq.values()))
text = "The quick brown fox jumps over the lazy dog " * 100
words = text.lower().split()
first, _, rest = text.partition(" ")
print(first, len(rest), text.strip().title()[:20], "  x ".strip(), "a,b,,c".split(","))
import textwrap
print(textwrap.fill(text[:120], width=40))
print(textwrap.shorten(text, 30), textwrap.dedent("   a\n   b"))
