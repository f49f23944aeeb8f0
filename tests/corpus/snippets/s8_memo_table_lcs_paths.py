import sys

sys.setrecursionlimit(10000)
memo = {}


def grid_paths(r, c, blocked):
    if (r, c) in memo:
        return memo[r, c]
    if r < 0 or c < 0 or (r, c) in blocked:
        return 0
    if r == 0 and c == 0:
        return 1
    memo[r, c] = grid_paths(r - 1, c, blocked) + grid_paths(r, c - 1, blocked)
    return memo[r, c]


blocked = {(i, (i * 7) % 90) for i in range(1, 90, 3)}
print(grid_paths(150, 150, blocked) % 1_000_000_007, len(memo))


def lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, ca in enumerate(a, 1):
        row, prev = table[i], table[i - 1]
        for j, cb in enumerate(b, 1):
            row[j] = prev[j - 1] + 1 if ca == cb else max(prev[j], row[j - 1])
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i, j = i - 1, j - 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out)), table


s1 = "".join("ACGT"[(i * i + 3) % 4] for i in range(900))
s2 = "".join("ACGT"[(i * 5 + 1) % 4] for i in range(900))
common, table = lcs(s1, s2)
print(len(common), common[:20], sys.getsizeof(table))
memo.clear()
del table
print(len(memo))
