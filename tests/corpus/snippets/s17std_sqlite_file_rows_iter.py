import os
import sqlite3
import tempfile

# a file database: insert in batches, then stream rows back with the cursor
path = os.path.join(tempfile.mkdtemp(), "events.db")
con = sqlite3.connect(path)
cur = con.cursor()
cur.execute("create table if not exists events (id integer primary key autoincrement, kind text not null, payload text)")
for batch in range(5):
    cur.executemany(
        "insert into events (kind, payload) values (?, ?)",
        ((("click", "view", "buy")[i % 3], "x" * (i % 200)) for i in range(batch * 4000, (batch + 1) * 4000)),
    )
    con.commit()
print(cur.lastrowid, cur.rowcount)
counts = {}
for kind, payload in cur.execute("select kind, payload from events"):
    counts[kind] = counts.get(kind, 0) + len(payload)
print(sorted(counts.items()))
print(os.path.getsize(path) // 4096)
cur.close()
con.close()
