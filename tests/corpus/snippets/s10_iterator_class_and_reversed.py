class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

    def __reversed__(self):
        return iter(range(1, self.start + 1))

    def __len__(self):
        return self.start

    def __contains__(self, x):
        return 0 < x <= self.start


class Pages:
    def __init__(self, items, size):
        self.items = items
        self.size = size
        self.pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.pos >= len(self.items):
            raise StopIteration
        page = self.items[self.pos:self.pos + self.size]
        self.pos += self.size
        return page


c = Countdown(100000)
print(sum(c), len(c), 5 in c, 0 in c, list(reversed(c))[:3])
data = [f"row{i}" for i in range(100000)]
pages = list(Pages(data, 250))
print(len(pages), pages[-1][-1], len(list(Pages(data, 7000))))
it = iter(Pages(data, 10))
print(next(it)[0], next(it)[0], next(iter(c)))
print(sorted(Countdown(5)), max(Countdown(9)), list(zip(Countdown(3), "abc")))
del pages, data
