import sys

names = [f"user-{i:06d}" for i in range(300000)]
print(sys.getsizeof(names[0]), sys.getsizeof(names))
half = names[: len(names) // 2]
del names
upper = [s.upper() for s in half]
print(len(upper), upper[-1])
del half
joined = ",".join(upper)
print(len(joined))
del upper, joined
