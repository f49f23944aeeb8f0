import numpy as np

# einsum instead of @ and .T: which calls copy and which return views?
rng = np.random.default_rng(7)
x = rng.random((600, 400))
w = rng.random((400, 300))
y = np.einsum("ij,jk->ik", x, w)
print(y.shape, y.flags["OWNDATA"], round(float(y[0, 0]), 6))
xt = np.einsum("ij->ji", x)
print(xt.base is x, np.shares_memory(xt, x))
sq = rng.random((800, 800))
diag = np.einsum("ii->i", sq)
print(diag.shape, diag.flags["OWNDATA"], np.array_equal(diag, np.diag(sq)))
norms = np.einsum("ij,ij->i", x, x)
print(norms.shape, round(float(norms.sum()), 4))
dot = np.einsum("i,i->", x[0], x[0])
print(type(dot).__name__, round(float(dot), 6))
del sq
total = np.einsum("ij->", y)
print(round(float(total), 3), np.einsum("ii", np.eye(50)))
