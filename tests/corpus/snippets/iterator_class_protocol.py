class Countdown:
    """An iterable whose __iter__ returns a fresh iterator each time."""

    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIterator(self.start)

    def __len__(self):
        return self.start


class CountdownIterator:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Fib:
    def __init__(self, limit):
        self.limit = limit
        self.a, self.b = 0, 1

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value


c = Countdown(300_000)
print(sum(c), sum(c), len(c))
values = list(c)
print(values[:3], values[-3:])
fibs = list(Fib(10 ** 60))
print(len(fibs), fibs[-1])
it = iter(Countdown(3))
print(next(it), next(it), next(it), next(it, "done"))
evens = [v for v in Countdown(200_000) if v % 2 == 0]
print(len(evens))
del values, evens
