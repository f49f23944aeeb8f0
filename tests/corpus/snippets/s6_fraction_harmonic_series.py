from fractions import Fraction

h = Fraction(0)
partials = []
for n in range(1, 1500):
    h += Fraction(1, n)
    if n % 300 == 0:
        partials.append(h)
print(len(str(h.numerator)), len(str(h.denominator)))
print([float(p) for p in partials])
approx = h.limit_denominator(1000)
print(approx, float(approx))
vals = [Fraction(i, i + 1) for i in range(1, 20000)]
total = sum(vals, Fraction(0))
print(float(total), total.denominator.bit_length())
print(Fraction("3.1415"), Fraction(0.75), Fraction(1, 3) ** 3, Fraction(7, 2) // 1)
print(sorted([Fraction(2, 3), Fraction(1, 2), Fraction(5, 7)]))
print(round(Fraction(22, 7), 3), Fraction(22, 7).as_integer_ratio())
del vals, partials
