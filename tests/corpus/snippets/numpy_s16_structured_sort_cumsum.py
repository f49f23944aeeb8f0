import numpy as np

dt = np.dtype([("id", np.int32), ("price", np.float64), ("qty", np.int16)])
orders = np.zeros(200000, dtype=dt)
orders["id"] = np.arange(200000)
orders["price"] = (np.arange(200000) * 37 % 1000) / 10
orders["qty"] = np.arange(200000) % 13
print(orders.itemsize, orders.nbytes)

order = np.argsort(orders["price"], kind="stable")
by_price = orders[order]
print(by_price["price"][:3], by_price["id"][0])

sorted_copy = np.sort(orders, order="qty")
print(sorted_copy["qty"][-1])

revenue = orders["price"] * orders["qty"]
running = np.cumsum(revenue)
print(round(float(running[-1]), 1))

m = np.arange(300 * 400, dtype=np.float64).reshape(300, 400)
v = np.ones(400)
mv = np.einsum("ij,j->i", m, v)
gram = np.einsum("ij,kj->ik", m[:100], m[:100])
print(mv.shape, gram.shape, float(mv[0]))
del by_price, sorted_copy, order, revenue, running, gram
del orders, m
print("done")
