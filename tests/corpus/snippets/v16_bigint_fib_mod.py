import sys

sys.set_int_max_str_digits(0)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


big = fib(60000)
print(big.bit_length())
values = [fib(n) for n in range(100, 3000, 7)]
print(len(values), values[-1] % 1000003)
mixed = [v * v - v for v in values]
print(sum(x.bit_length() for x in mixed))
del values
power = pow(7, 300000)
print(power % 10 ** 9)
s = str(big)
print(len(s))
del big, power, mixed
back = int(s[:20000])
print(back % 97)
del s, back
