a = [[0] * 100 for _ in range(1000000)]
print(len(a))
del a
b = [[1] * 50 for _ in range(200000)]
print(len(b))
b = b[:1000]
print(len(b))
del b
