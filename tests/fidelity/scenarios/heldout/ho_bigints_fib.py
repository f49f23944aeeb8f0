# title: Fibonacci numbers kept in a list
def fib(n):
    a, b = 0, 1
    out = []
    for _ in range(n):
        out.append(a)
        a, b = b, a + b
    return out


seq = fib(20000)
last_bits = seq[-1].bit_length()
evens = [x for x in seq if x % 2 == 0]
del seq
total = sum(evens)
del evens
