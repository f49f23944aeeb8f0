# title: A generator pipeline of records, materialised in the end
#
# Held-out (issue 9): records produced lazily, filtered and finally turned
# into a list people keep around; then a sorted copy and a drop.
def records(n):
    for i in range(n):
        yield {"id": i, "name": f"item-{i}", "price": (i * 37) % 1000 / 10}


def cheap(rows):
    for r in rows:
        if r["price"] < 50:
            yield r


kept = list(cheap(records(200000)))
by_price = sorted(kept, key=lambda r: r["price"])
del kept
top = by_price[:100]
del by_price
