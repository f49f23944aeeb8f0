import io
import sys

N = 20000

s = ""
for i in range(N):
    s += f"line {i}\n"
print(len(s), sys.getsizeof(s))

parts = []
for i in range(N):
    parts.append(f"line {i}\n")
joined = "".join(parts)
print(joined == s, sys.getsizeof(parts))

out = io.StringIO()
for i in range(N):
    out.write(f"line {i}\n")
via_io = out.getvalue()
print(via_io == s, out.tell())

del parts
unicode = "".join(chr(0x3b1 + i % 20) for i in range(N))
print(sys.getsizeof(unicode), sys.getsizeof(unicode.encode()))
del s, joined, via_io
out.close()
print("done")
