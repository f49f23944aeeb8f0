records = [(f"item-{i}", i * 3.14159, i * 1000 + 7, -i / 3) for i in range(40000)]
out = []
for name, price, count, delta in records:
    width, prec = 12, 2
    out.append("{:<{w}}|{:>{w}.{p}f}|{:>10,}|{:+.1%}".format(name, price, count, delta, w=width, p=prec))
print(len(out))
print(out[1])
print(out[-1])

table = "\n".join("%-10s %8.3f %6d %5.1e" % (n, p, c, d) for n, p, c, d in records[:5])
print(table)
print("%(name)s has %(qty)05d units" % {"name": "bolt", "qty": 42})
print("{0[0]} {0[1]!r} {1.real} {1.imag:g}".format(["a", "b"], 3 + 4j))
print("{:^20}".format("centered"), "{:*>8}".format(5), "{:#x} {:#o} {:#b}".format(255, 8, 5))
print(f"{'nested':>{10}}|{3.14159:{'.3f'}}|{1234567:_}|{0.5:.0%}")
value = 42
print(f"{value=}", f"{value!r:>6}", f"{value * 2 = }")
print(format(1234.5678, ",.2f"), format(12, "08b"), format("x", "^5"))
print("{name:{fill}{align}{width}}".format(name="ab", fill="-", align="^", width=9))
print("%s %r %a" % ("é", "é", "é"))
print("{:e} {:g} {:G} {:n}".format(12345.678, 0.00001234, 1e20, 1000))
big = "".join(f"{i:04x}" for i in range(65536))
print(len(big), big[-8:])
del out, big, records
