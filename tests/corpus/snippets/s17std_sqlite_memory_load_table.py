import sqlite3

# "why did my process keep 300 MB after loading a table into sqlite?" -- an in-memory database
con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT, score REAL)")
rows = [(i, f"user{i}", f"user{i}@example.com", i * 0.25) for i in range(60000)]
con.executemany("INSERT INTO users VALUES (?, ?, ?, ?)", rows)
con.commit()
del rows
print(con.execute("SELECT COUNT(*) FROM users").fetchone()[0])
result = con.execute("SELECT * FROM users WHERE score > ?", (1000,)).fetchall()
print(len(result), result[0])
del result
con.execute("DELETE FROM users WHERE id % 2 = 0")
con.commit()
print(con.execute("SELECT COUNT(*), MAX(id) FROM users").fetchone())
con.close()
