class ChunkedReader:
    def __init__(self, text, size):
        self.text = text
        self.size = size

    def __iter__(self):
        for i in range(0, len(self.text), self.size):
            yield self.text[i:i + self.size]

    def __len__(self):
        return -(-len(self.text) // self.size)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


text = "abcdefghij" * 500000
reader = ChunkedReader(text, 4096)
print(len(reader), sum(len(c) for c in reader))
chunks = list(reader)
print(len(chunks), chunks[-1][-5:])
it = iter(reader)
print(next(it)[:5], next(it)[:5])
print(list(Countdown(5)), sum(Countdown(100000)))
c = Countdown(3)
print(list(c), list(c))
upper = (chunk.upper() for chunk in reader)
print(next(upper)[:3], sum(1 for _ in upper))
del chunks, text
