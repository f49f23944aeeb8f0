import math

a = 256
b = 256
print("small ints shared:", a is b)
facts = [math.factorial(n) for n in range(1, 1500)]
print("digits of last:", len(str(facts[-1])))
total = sum(facts)
print("bits:", total.bit_length())
powers = [3 ** k for k in range(5000)]
print("sum bits:", sum(p.bit_length() for p in powers))
big = 7 ** 200000
print("big bits:", big.bit_length(), big % 1000003)
del facts, powers
del big, total
print("done")
