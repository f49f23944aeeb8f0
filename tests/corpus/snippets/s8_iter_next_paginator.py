class Paginator:
    def __init__(self, rows, page_size):
        self.rows = rows
        self.page_size = page_size
        self.page = 0

    def __iter__(self):
        return self

    def __next__(self):
        start = self.page * self.page_size
        if start >= len(self.rows):
            raise StopIteration
        self.page += 1
        return self.rows[start:start + self.page_size]


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1


rows = [{"id": i, "email": f"user{i}@example.com"} for i in range(120000)]
pages = list(Paginator(rows, 500))
print(len(pages), len(pages[-1]), pages[3][0])
p = Paginator(rows, 1000)
first = next(p)
second = next(p)
print(first[0]["id"], second[0]["id"], p.page)
print(sum(len(page) for page in p))
print(next(p, "exhausted"))
print(list(Countdown(5)), sum(Countdown(100000)), 3 in Countdown(4))
it = iter(Countdown(3))
print(next(it), next(it), list(it))
del pages, rows
print(len(first))
