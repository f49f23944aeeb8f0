import random
import sys

random.seed(5)
N = 2000

# a sparse matrix as {(row, col): value}, about 0.5% filled
sparse = {}
for _ in range(20_000):
    sparse[(random.randrange(N), random.randrange(N))] = random.random()
print("nonzeros:", len(sparse), "dict bytes:", sys.getsizeof(sparse))


def matvec(m, v):
    out = [0.0] * N
    for (i, j), a in m.items():
        out[i] += a * v[j]
    return out


v = [1.0] * N
y = matvec(sparse, v)
print("sum(y) = %.4f" % sum(y))

# transpose and row index
t = {(j, i): a for (i, j), a in sparse.items()}
rows = {}
for (i, j), a in sparse.items():
    rows.setdefault(i, {})[j] = a
print("rows used:", len(rows), "densest:", max(len(r) for r in rows.values()))

dense_row_bytes = sys.getsizeof([0.0] * N)
print("one dense row:", dense_row_bytes, "bytes; dense matrix ~", dense_row_bytes * N // 2**20, "MiB")
del t, rows
