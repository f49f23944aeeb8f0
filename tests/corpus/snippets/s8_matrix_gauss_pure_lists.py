def identity(n):
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


def matmul(a, b):
    bt = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def solve(a, b):
    n = len(a)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        x[i] = (m[i][n] - sum(m[i][j] * x[j] for j in range(i + 1, n))) / m[i][i]
    return x


n = 120
a = [[(i * 31 + j * 17) % 11 + (10.0 if i == j else 0.0) for j in range(n)] for i in range(n)]
b = [float(i % 5) for i in range(n)]
x = solve(a, b)
residual = max(abs(sum(a[i][j] * x[j] for j in range(n)) - b[i]) for i in range(n))
print(round(residual, 9) < 1e-6, [round(v, 4) for v in x[:3]])
p = matmul(a, identity(n))
print(p == a, len(p), len(p[0]))
big = [[float(i * j) for j in range(400)] for i in range(400)]
t = [list(col) for col in zip(*big)]
print(t[3][5], sum(map(sum, t)))
del big, t, p
