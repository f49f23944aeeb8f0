import math

values = [0.1] * 1_000_000
print("sum  :", sum(values))
print("fsum :", math.fsum(values))

factors = list(range(1, 400))
big = math.prod(factors)
print("prod has", len(str(big)), "digits")

table = [[math.comb(n, k) for k in range(n + 1)] for n in range(300)]
print("row 299 max:", max(table[299]).bit_length(), "bits")

perms = [math.perm(20, k) for k in range(21)]
print("perm(20, 10) =", perms[10])

roots = [math.isqrt(n) for n in range(0, 2_000_000, 7)]
print("isqrt count", len(roots), "last", roots[-1])

gcds = [math.gcd(a, 360) for a in range(1, 100_000)]
print("lcm", math.lcm(*range(1, 30)), "distinct gcds", len(set(gcds)))

dists = [math.dist((0.0, 0.0), (x * 0.5, x * 0.25)) for x in range(200_000)]
print(f"hypot {math.hypot(3, 4)} last dist {dists[-1]:.3f}")
del values, table, roots, dists
