# Matrices as lists of lists: multiply, transpose, identity.
import random

random.seed(7)


def make(n, m):
    return [[random.randint(-9, 9) for _ in range(m)] for _ in range(n)]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def transpose(a):
    return [list(col) for col in zip(*a)]


def matmul(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


N = 120
A = make(N, N)
B = make(N, N)
C = matmul(A, B)
print("C[0][:5] =", C[0][:5])
print("trace(C) =", sum(C[i][i] for i in range(N)))

I = identity(N)
assert matmul(A, I) == A
print("A @ I == A")

del C, I
D = [[v * 2 for v in row] for row in A]
print("sum(D) =", sum(map(sum, D)))
