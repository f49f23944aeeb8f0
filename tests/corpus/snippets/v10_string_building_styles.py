import io

parts = []
for i in range(100000):
    parts.append("row %d: %s" % (i, "x" * (i % 40)))
joined = "\n".join(parts)
print(len(joined))
buf = io.StringIO()
for p in parts:
    buf.write(p)
    buf.write("\n")
text = buf.getvalue()
print(text == joined + "\n")
del buf
acc = ""
for i in range(20000):
    acc += "{:>6}|".format(i)
print(len(acc), acc[:14])
del parts, joined, text
print(len(acc))
