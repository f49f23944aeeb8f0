from string import Template

records = [{"name": f"Customer {i}", "amount": i * 1.25, "city": ["Oslo", "Lima", "Pune"][i % 3]} for i in range(40000)]

fmt = "{name:<15} {city:>6} {amount:>10.2f}"
lines = [fmt.format_map(r) for r in records]
print(lines[1])

class Default(dict):
    def __missing__(self, key):
        return f"<{key}?>"

partial = [("Dear {name}, your code is {code}.").format_map(Default(r)) for r in records[:10000]]
print(partial[0])

tpl = Template("Hello $name from $city: you owe $$${amount}")
mails = [tpl.substitute(name=r["name"], city=r["city"], amount=f"{r['amount']:.2f}") for r in records]
print(mails[2])

safe = [Template("$name in $country").safe_substitute(r) for r in records[:5000]]
print(safe[0])

report = "\n".join(lines)
print(len(report))
del lines, mails, report, partial, safe
