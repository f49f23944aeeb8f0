import math

facts = [math.factorial(n) for n in range(1, 1200)]
print(facts[-1].bit_length())
powers = [3 ** k for k in range(0, 4000, 2)]
print(sum(p.bit_length() for p in powers))
total = 0
for p in powers:
    total += p
print(len(str(total)))
mods = [f % 1000000007 for f in facts]
print(mods[:4])
del facts, powers
print(total % 97)
