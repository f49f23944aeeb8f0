def levenshtein_table(a: str, b: str) -> int:
    """Full (len(a)+1) x (len(b)+1) table: what most tutorials show."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
    return rows[-1][-1]


def levenshtein_two_rows(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


s1 = "kitten sitting on the mat " * 18
s2 = "sitting kitten at the mall " * 18
print(len(s1), len(s2))
print("table:", levenshtein_table(s1, s2))
print("two rows:", levenshtein_two_rows(s1, s2))

words = ["apple", "apply", "ample", "maple", "angle", "ankle", "staple", "apples"] * 40
close = [(w, v) for w in words[:8] for v in words if levenshtein_two_rows(w, v) == 1]
print("pairs at distance 1:", len(close))
