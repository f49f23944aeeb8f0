import sys

x = 3 ** 200000
print(x.bit_length(), sys.getsizeof(x))
y = x * x
print(y.bit_length())
digits = [x >> (k * 1000) for k in range(50)]
print(sum(d.bit_length() for d in digits))
del y
h = hex(x)
print(len(h))
fact = 1
for k in range(2, 3000):
    fact *= k
print(fact.bit_length())
del x, digits, h, fact
