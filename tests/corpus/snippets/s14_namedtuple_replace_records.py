from collections import namedtuple

Trade = namedtuple("Trade", "id symbol qty price status", defaults=("open",))

trades = [Trade(i, ("AAPL", "MSFT", "GOOG")[i % 3], i % 100, 100 + i % 50) for i in range(60000)]
print(trades[1], trades[1]._fields)

closed = [t._replace(status="closed") if t.qty > 50 else t for t in trades]
print(sum(t.status == "closed" for t in closed))

as_dicts = [t._asdict() for t in closed[:20000]]
print(as_dicts[0])

exposure = {}
for t in closed:
    exposure[t.symbol] = exposure.get(t.symbol, 0) + t.qty * t.price
print(exposure)
rebuilt = [Trade._make(d.values()) for d in as_dicts]
print(rebuilt[5] == closed[5])
del trades, closed, as_dicts, rebuilt
print("done")
