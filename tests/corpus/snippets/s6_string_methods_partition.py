lines = []
for i in range(60000):
    lines.append(f"user{i}\tgroup{i % 17}\t=\tVALUE {i * 3}")

records = {}
for line in lines:
    expanded = line.expandtabs(8)
    key, sep, value = expanded.partition("=")
    head, _, tail = value.rpartition(" ")
    records[key.strip().casefold()] = (head.strip().lower(), tail.zfill(8))
first = next(iter(records.items()))
print(len(records), first)
print("straße".casefold(), "Straße".upper(), "42".zfill(6), "-42".zfill(6))
print("abc".center(11, "*"), "abc".ljust(6, ".") + "|", "abc".rjust(6) + "|")
print("a,b,,c".split(","), "  x  y ".split(), "k=v=w".split("=", 1))
print("Hello World".swapcase(), "hello world".title(), "ab".isalpha(), "12".isdigit())
print("xxhixx".strip("x"), "prefix_body".removeprefix("prefix_"), "file.txt".removesuffix(".txt"))
table = "|".join(v[1] for v in records.values())
print(len(table), table.count("|"), table.find("00000030"))
del lines, table
print(records["user9 group9"] if "user9 group9" in records else sorted(records)[:2])
