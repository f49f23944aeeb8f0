# title: f-strings and str methods over a list of names
names = [f"user_{i:06d}" for i in range(200000)]
upper = [n.upper() for n in names]
emails = [f"{n}@example.com" for n in names if n.endswith(("1", "3", "7"))]
report = "; ".join(emails[:5000])
unique = set(n[:8] for n in names)
del upper
del names, emails
del report, unique
