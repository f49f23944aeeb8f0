import random

random.seed(8)
N = 2000
A = {}
for _ in range(60000):
    A[(random.randrange(N), random.randrange(N))] = random.random()
B = {(j, i): v for (i, j), v in A.items()}
print(len(A), len(B))

rows = {}
for (i, j), v in A.items():
    rows.setdefault(i, {})[j] = v
cols = {}
for (i, j), v in B.items():
    cols.setdefault(j, {})[i] = v
print(len(rows), len(cols))

vec = [1.0] * N
result = [0.0] * N
for i, row in rows.items():
    result[i] = sum(v * vec[j] for j, v in row.items())
print(round(sum(result), 6))

diag = {k: v for k, v in A.items() if k[0] == k[1]}
print(len(diag))
del B, cols
A.clear()
print(len(rows))
del rows, result, diag
