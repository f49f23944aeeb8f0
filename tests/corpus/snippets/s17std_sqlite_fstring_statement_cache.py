import sqlite3

# building SQL with f-strings instead of parameters: every text is a new prepared statement
con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT)")
for i in range(3000):
    con.execute(f"INSERT INTO kv (k, v) VALUES ({i}, 'value-{i}')")
con.commit()
total = 0
for i in range(0, 3000, 7):
    row = con.execute(f"SELECT v FROM kv WHERE k = {i}").fetchone()
    total += len(row[0])
print(total)
for i in range(0, 3000, 7):
    row = con.execute("SELECT v FROM kv WHERE k = ?", (i,)).fetchone()
print(row)
con.close()
