import sqlite3

con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
con.execute("create table products (sku text primary key, title text, price real, qty integer)")
with con:
    con.executemany(
        "insert into products values (:sku, :title, :price, :qty)",
        [{"sku": f"SKU-{n:05d}", "title": f"Product number {n}", "price": n * 1.5, "qty": n % 17} for n in range(20000)],
    )
rows = con.execute("select * from products where qty > 10 order by price desc").fetchall()
print(len(rows), rows[0]["sku"], rows[0].keys())
as_dicts = [dict(r) for r in rows]
print(as_dicts[-1])
del rows
print(len(as_dicts))
del as_dicts
cheap = con.execute("select title, price from products where price < ?", (30,)).fetchmany(5)
print([tuple(r) for r in cheap])
con.close()
