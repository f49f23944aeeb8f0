import sys
class Matrix:
    def __init__(self, rows, cols, fill=0.0):
        self.rows, self.cols = rows, cols
        self.data = [[fill] * cols for _ in range(rows)]
    def __getitem__(self, idx):
        r, c = idx
        return self.data[r][c]
    def __setitem__(self, idx, v):
        r, c = idx
        self.data[r][c] = v
    def __matmul__(self, other):
        out = Matrix(self.rows, other.cols)
        cols = list(zip(*other.data))
        for i, row in enumerate(self.data):
            out.data[i] = [sum(a * b for a, b in zip(row, col)) for col in cols]
        return out
    def __repr__(self):
        return f"Matrix({self.rows}x{self.cols})"

a = Matrix(60, 60, 1.5)
b = Matrix(60, 60, 2.0)
for i in range(60): b[i, i] = 3.0
c = a @ b
print(c, c[0, 0], c[59, 59])
print(sys.getsizeof(c.data), sum(sys.getsizeof(r) for r in c.data))
big = [Matrix(100, 100) for _ in range(20)]
print(len(big))
del big
