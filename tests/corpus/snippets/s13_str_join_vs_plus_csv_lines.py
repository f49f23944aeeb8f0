rows = [(i, f"name{i}", i * 0.5) for i in range(5000)]

text = ""
for r in rows:
    text += f"{r[0]},{r[1]},{r[2]}\n"
print("concat length:", len(text))

joined = "".join(f"{r[0]},{r[1]},{r[2]}\n" for r in rows)
print("join equal:", joined == text)

parts = []
for r in rows:
    parts.append(",".join(map(str, r)))
csv_text = "\n".join(parts) + "\n"
print("parts:", len(parts), csv_text == text)
del parts, text
del joined, csv_text
del rows
print("freed")
