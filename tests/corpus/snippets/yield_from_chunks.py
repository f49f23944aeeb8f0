def chunked(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def flatten(chunks):
    for chunk in chunks:
        yield from chunk


data = list(range(1000000))
out = list(flatten(chunked(data, 1000)))
print(out == data)
del data, out
