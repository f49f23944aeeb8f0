import io

data = [f"chunk-{i:06d};" for i in range(20_000)]

# BAD: each += may copy everything built so far
result = ""
for chunk in data:
    result += chunk
print(len(result))

# GOOD: one allocation at the end
joined = "".join(data)
assert joined == result

parts = []
for chunk in data:
    if chunk.endswith("7;"):
        parts.append(chunk.upper())
filtered = "".join(parts)

buf = io.StringIO()
for chunk in data:
    buf.write(chunk)
    buf.write("\n")
text = buf.getvalue()
buf.close()

del result, joined, data
print(len(filtered), len(text))
