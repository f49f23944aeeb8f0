lines = [f"{i:06d},user{i % 977},{i * 3.5:.2f}" for i in range(200000)]
print(len(lines), lines[12345])
blob = "\n".join(lines)
print(len(blob))
del lines
fields = [row.split(",") for row in blob.splitlines()]
print(fields[-1])
total = sum(float(f[2]) for f in fields)
print(round(total, 2))
del fields
upper = blob.upper()
del blob
print(len(upper))
del upper
