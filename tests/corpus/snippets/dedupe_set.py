emails = [f"user{i % 150000}@example.com" for i in range(600000)]
unique = set(emails)
print(len(emails), "->", len(unique))
emails = list(unique)
unique = None
emails.sort()
print(emails[:2])
