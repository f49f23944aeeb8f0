import io

rows = [(i, f"name{i}", i * 1.5) for i in range(100000)]

buf = io.StringIO()
for r in rows:
    buf.write(f"{r[0]},{r[1]},{r[2]:.2f}\n")
text1 = buf.getvalue()
buf.close()

text2 = ""
for r in rows[:20000]:
    text2 += "%d,%s,%.2f\n" % r

text3 = "\n".join("{},{},{:.2f}".format(*r) for r in rows)
print(len(text1), len(text2), len(text3))
del rows
del text1, text2
