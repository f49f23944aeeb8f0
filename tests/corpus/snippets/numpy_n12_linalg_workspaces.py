import numpy as np

# does solving a linear system keep memory? LAPACK's workspaces come from malloc
rng = np.random.default_rng(42)
n = 800
a = rng.random((n, n)) + n * np.eye(n)
b = rng.random(n)
inv = np.linalg.inv(a)
print(inv.shape, inv.dtype, inv.nbytes)
x = np.linalg.solve(a, b)
print(np.allclose(a @ x, b), round(float(np.linalg.norm(x)), 6))
d = np.linalg.det(a[:50, :50])
print(f"det sign {np.sign(d)}")
del inv
X = np.linalg.solve(a, np.eye(n)[:, :10])
print(X.shape, X.flags["C_CONTIGUOUS"])
print(np.round(np.linalg.inv(np.array([[2.0, 1.0], [1.0, 3.0]])), 4))
