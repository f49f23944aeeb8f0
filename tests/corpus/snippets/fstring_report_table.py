items = [(f"item{i}", i * 3.14159, i % 17) for i in range(30000)]

lines = [f"{'name':<12}|{'price':>10}|{'qty':>5}"]
for name, price, qty in items:
    lines.append(f"{name:<12}|{price:>10.2f}|{qty:>5d}")
lines.append("{:-^29}".format(" end "))
report = "\n".join(lines)
print(report[:80])
print(f"{len(report):,} chars, {len(lines)} lines, {sum(p for _, p, _ in items):.3e} total")
del lines
