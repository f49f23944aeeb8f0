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
        for i in range(self.rows):
            for j in range(other.cols):
                out[i, j] = sum(self[i, k] * other[k, j] for k in range(self.cols))
        return out
    def __repr__(self):
        return f"Matrix({self.rows}x{self.cols})"

a = Matrix(60, 60, 1.5)
b = Matrix(60, 60, 2.0)
c = a @ b
print(c, c[0, 0])
del a, b
