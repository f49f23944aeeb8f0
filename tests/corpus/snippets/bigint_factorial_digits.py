import math
import sys

sys.set_int_max_str_digits(0)

f = math.factorial(20_000)
print("bits:", f.bit_length(), "bytes in memory:", sys.getsizeof(f))

digits = str(f)
print("decimal digits:", len(digits), "leading:", digits[:12])

digit_sum = sum(int(d) for d in digits)
print("digit sum:", digit_sum)

trailing = len(digits) - len(digits.rstrip("0"))
print("trailing zeros:", trailing)

powers = [2**k for k in range(0, 20_000, 10)]
print("powers:", len(powers), "total size", sum(map(sys.getsizeof, powers)))

fib = [0, 1]
for _ in range(5_000):
    fib.append(fib[-1] + fib[-2])
print("fib(5000) has", len(str(fib[-1])), "digits")

del digits, powers
print("f mod 1e9+7:", f % 1_000_000_007)
del f, fib
