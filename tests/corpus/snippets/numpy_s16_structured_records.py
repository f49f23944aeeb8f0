import numpy as np

# a table of 1M records: 8 + 4 + 1 bytes each, packed
dt = np.dtype([('price', 'f8'), ('qty', 'i4'), ('ok', '?')])
print(dt.names, dt.itemsize, dt.fields['qty'], len(dt))
table = np.zeros(1_000_000, dtype=dt)
print(table.nbytes)
table['price'] = np.arange(1_000_000) * 0.25
table['qty'] = np.arange(1_000_000) % 97
prices = table['price']
print(prices.base is table, prices.strides, prices[:3])
first = table[0]
print(first, first['price'], first[1], first.dtype == dt)
first['qty'] = 500
table[10]['price'] = 1.5
print(table[:3], table[10])
big = table[table['qty'] > 90]
print(big.shape, big['qty'][:4], big.nbytes)
for i in range(2000):
    rec = table[i]
    rec['ok'] = rec['qty'] > 50
print(table['ok'][:2000].sum())
rows = table[:1000].tolist()
print(len(rows), rows[0])
del big, rows
total = float(table['price'].sum())
print(total)
del prices, first
del table
print('done')
