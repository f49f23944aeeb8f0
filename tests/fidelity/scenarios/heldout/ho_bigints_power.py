# title: 10**5000, factorials and a list of big numbers
big = 10**5000
digits = big.bit_length()
fact = 1
for i in range(2, 3000):
    fact *= i
squares = [n * n for n in range(10**20, 10**20 + 200000)]
huge = 3**2000000
del squares
del big, fact
huge = huge // 7
del huge
