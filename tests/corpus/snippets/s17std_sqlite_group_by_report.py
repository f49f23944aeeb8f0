import sqlite3
from collections import defaultdict

con = sqlite3.connect(":memory:")
con.executescript("""
    CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, region TEXT, amount REAL, day INTEGER);
    CREATE INDEX idx_orders_customer ON orders(customer);
""")
regions = ["north", "south", "east", "west"]
with con:
    for i in range(25000):
        con.execute(
            "INSERT INTO orders (customer, region, amount, day) VALUES (?, ?, ?, ?)",
            (f"cust{i % 997}", regions[i % 4], round((i * 37 % 1000) / 10, 2), i % 365),
        )
report = con.execute(
    "SELECT region, COUNT(*) AS n, ROUND(SUM(amount), 2) AS total, AVG(amount) FROM orders GROUP BY region ORDER BY total DESC"
).fetchall()
for region, n, total, avg in report:
    print(f"{region:6} {n:6d} {total:12.2f} {avg:.3f}")
top = con.execute("SELECT customer, SUM(amount) s FROM orders GROUP BY customer ORDER BY s DESC LIMIT 3").fetchall()
print(top)
by_day = defaultdict(float)
for day, amount in con.execute("SELECT day, amount FROM orders WHERE region = 'east'"):
    by_day[day] += amount
print(len(by_day), round(max(by_day.values()), 2))
con.close()
