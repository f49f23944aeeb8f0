import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table accounts (id integer primary key, owner text unique, balance integer not null)")
con.executemany("insert into accounts (owner, balance) values (?, ?)", [(f"acct{i}", 1000) for i in range(5000)])
con.commit()
print(con.in_transaction, con.total_changes)
try:
    with con:
        con.execute("update accounts set balance = balance - 100 where id <= 2500")
        con.execute("insert into accounts (owner, balance) values ('acct7', 5)")
except sqlite3.IntegrityError as e:
    print("rolled back:", e)
print(con.execute("select sum(balance) from accounts").fetchone())
blob = bytes(range(256)) * 40
con.execute("create table files (name text, data blob)")
con.executemany("insert into files values (?, ?)", [(f"f{i}", blob) for i in range(300)])
con.commit()
print(con.execute("select count(*), sum(length(data)) from files").fetchone())
con.execute("drop table files")
con.commit()
con.execute("vacuum")
print(con.execute("pragma page_count").fetchone())
con.close()
