import math

powers = [3 ** n for n in range(1, 4000)]
print(powers[-1].bit_length())
facts = [math.factorial(n) for n in range(0, 1500, 3)]
print(len(str(facts[-1])))
del powers
prod = 1
for f in facts[:200]:
    prod *= f
print(prod.bit_length())
digits = hex(prod)
print(len(digits), digits[:10])
del facts, prod
print(int(digits[2:5000], 16) % 97)
del digits
