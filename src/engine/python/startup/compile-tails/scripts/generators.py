def gen(n):
    for i in range(n):
        yield i * 2


def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


total = sum(gen(100000))
blocks = list(chunks(list(range(10000)), 100))
del blocks
