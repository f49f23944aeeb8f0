import io
import sys

s = ""
for i in range(20000):
    s += f"line {i}\n"
print(len(s), sys.getsizeof(s))

parts = []
for i in range(20000):
    parts.append(f"line {i}\n")
joined = "".join(parts)
print(joined == s, sys.getsizeof(parts))
del parts

out = io.StringIO()
for i in range(20000):
    out.write(f"line {i}\n")
val = out.getvalue()
print(val == joined)
out.close()

del s, joined
big = "".join(str(i) for i in range(200000))
print(len(big), big[-10:])
del val, big
