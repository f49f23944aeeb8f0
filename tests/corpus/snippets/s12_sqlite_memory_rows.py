import sqlite3

conn = sqlite3.connect(":memory:")
cur = conn.cursor()
cur.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT, value REAL)")
cur.executemany("INSERT INTO events (kind, value) VALUES (?, ?)", ((f"k{i % 9}", i * 0.5) for i in range(30000)))
conn.commit()
print(cur.execute("SELECT COUNT(*), SUM(value) FROM events").fetchone())
rows = cur.execute("SELECT id, kind, value FROM events WHERE value > ?", (1000,)).fetchall()
print(len(rows), rows[0])
summary = cur.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind ORDER BY kind").fetchall()
print(summary[:3])
del rows
cur.execute("DELETE FROM events WHERE id % 2 = 0")
print(conn.total_changes)
conn.close()
print("closed")
