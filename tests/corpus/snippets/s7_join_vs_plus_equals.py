import time


def build_plus(n):
    s = ""
    for i in range(n):
        s += f"line {i}: {'#' * (i % 40)}\n"
    return s


def build_join(n):
    parts = []
    for i in range(n):
        parts.append(f"line {i}: {'#' * (i % 40)}\n")
    return "".join(parts)


def build_gen(n):
    return "".join(f"line {i}: {'#' * (i % 40)}\n" for i in range(n))


t0 = time.perf_counter()
a = build_plus(100000)
t1 = time.perf_counter()
b = build_join(100000)
t2 = time.perf_counter()
c = build_gen(100000)
print(len(a), a == b == c)
print("plus faster:", (t1 - t0) < (t2 - t1))
words = a.split()
print(len(words), words[:4])
csv_line = ",".join(map(str, range(50000)))
print(len(csv_line), csv_line[-10:])
del a, b, c, words
