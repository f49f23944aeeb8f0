# title: Half a million lists of 64 zeros, then a new smaller build
a = [[0] * 64 for _ in range(500000)]
del a
b = [[1] * 10 for _ in range(200000)]
del b
