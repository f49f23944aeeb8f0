import random
random.seed(42)
N = 400
m = [[random.random() for _ in range(N)] for _ in range(N)]
t = [list(row) for row in zip(*m)]
print(len(t), len(t[0]), round(t[3][7] - m[7][3], 6))
def matmul(a, b):
    bt = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in bt[:20]] for row in a[:20]]
p = matmul(m, t)
print(round(p[0][0], 4))
flat = [x for row in m for x in row]
print(len(flat), round(sum(flat) / len(flat), 3))
del m, t
del flat
print(len(p))
