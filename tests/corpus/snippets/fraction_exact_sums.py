from fractions import Fraction

# exact harmonic-ish sums: the numbers grow, and so does the memory
total = Fraction(0)
for n in range(1, 300):
    total += Fraction(1, n)
print(total.numerator.bit_length(), total.denominator.bit_length())
print(float(total))

parts = [Fraction(i, i + 1) for i in range(1, 20000)]
s = sum(parts, Fraction(0))
print(s.limit_denominator(1000))
del parts
