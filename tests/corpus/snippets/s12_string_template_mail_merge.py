from string import Template

tmpl = Template("Dear $name,\nyour order #$order of ${qty} items ships on $day.\n")
customers = [{"name": f"Customer{i}", "order": 10000 + i, "qty": i % 7 + 1, "day": "Monday"} for i in range(20000)]
letters = [tmpl.substitute(c) for c in customers]
print(len(letters), letters[3])
partial = Template("Hi $name, $missing").safe_substitute(name="Bob")
print(partial)
total = sum(len(s) for s in letters)
print(total)
del letters
print(len(customers))
