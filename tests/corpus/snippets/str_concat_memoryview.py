s = ""
for i in range(100000):
    s += str(i)
print(len(s))
parts = []
for i in range(100000):
    parts.append("%05d," % i)
t = "".join(parts)
del parts
print(t[:12], len(t))
b = t.encode()
mv = memoryview(b)
head = bytes(mv[:10])
del t
print(head, len(b))
