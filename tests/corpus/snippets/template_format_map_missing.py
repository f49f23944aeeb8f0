from string import Template


class SafeDict(dict):
    def __missing__(self, key):
        return "{" + key + "}"


row_fmt = "{name:<12} {qty:>5} x {price:>8.2f} = {total:>10.2f} {note}"
items = [{"name": f"part{i}", "qty": i % 9 + 1, "price": 2.5 + i % 13} for i in range(20_000)]

lines = []
for it in items:
    it["total"] = it["qty"] * it["price"]
    lines.append(row_fmt.format_map(SafeDict(it)))
print(lines[0])
print(lines[1].endswith("{note}"))

mail = Template("Dear $name,\nyour order #$order of ${count} items ships on $day.\n-- $$shop")
letters = [mail.substitute(name=f"user{i}", order=1000 + i, count=i % 5 + 1, day="Monday") for i in range(5000)]
print(letters[7])
print(mail.safe_substitute(name="Ann"))
try:
    mail.substitute(name="Bob")
except KeyError as e:
    print("missing", e)
print(sum(len(x) for x in letters))
del lines, letters
