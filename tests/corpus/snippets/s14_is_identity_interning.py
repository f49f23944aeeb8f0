import sys

a = 256
b = 256
print(a is b)
x = int("257")
y = int("257")
print(x is y, x == y)

small = [int(str(i)) for i in range(-10, 300)]
print(sum(1 for i, v in enumerate(small) if v is (i - 10)))

s1 = "hello_world"
s2 = "hello_" + "world"
s3 = "".join(["hello_", "world"])
print(s1 is s2, s1 is s3, s1 == s3, sys.intern(s3) is s1)

names = [f"user_{i % 1000}" for i in range(200000)]
print(len(set(map(id, names))))
interned = [sys.intern(n) for n in names]
print(len(set(map(id, interned))))

del names
print(len(interned), interned[0] is interned[1000])
e1 = ""
e2 = str()
print(e1 is e2, chr(65) is "A", (1, 2) == (1, 2))
del interned
print("done")
