rows = []
for i in range(50000):
    name = "item%05d" % i
    price = i * 1.0375
    rows.append("{:<10}|{:>12.2f}|{:^8}|{!r}".format(name, price, i % 3, name[-2:]))
s = "\n".join(rows)
print(len(s), rows[7])
tmpl = "%(name)s costs %(price).3e and %(qty)04d"
out = [tmpl % {"name": r[:9], "price": float(i), "qty": i % 1000} for i, r in enumerate(rows)]
print(out[99])
del rows, s
m = "{a}-{b}".format_map({"a": 1, "b": 2})
print(m, f"{len(out):,}", f"{3.14159:.2%}", f"{255:#x} {255:08b}", f"{'x'!r:>5}")
del out
