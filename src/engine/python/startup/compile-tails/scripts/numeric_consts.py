BIG = 10 ** 30
FLOATS = [0.1, 0.2, 0.3, 1e100, -2.5e-10, 3.14159]
COMPLEX = 2 + 3j
HEX = 0xDEADBEEF
mixed = [BIG * i + HEX for i in range(2000)]
del mixed
