class Table:
    def __init__(self, rows):
        self.rows = rows

    def column(self, k):
        return [r[k] for r in self.rows]

    def index(self, k):
        return {r[k]: r for r in self.rows}

    def distinct(self, k):
        return {r[k] % 100 for r in self.rows}


def build(n):
    return [(i, i * 2, str(i)) for i in range(n)]


t = Table(build(100000))
col = t.column(1)
print(len(col), col[-1])
idx = t.index(2)
print(len(idx))
d = t.distinct(0)
print(len(d))
nested = [[x for x in range(i % 20)] for i in range(30000)]
print(sum(map(len, nested)))
del col, idx, nested
gen_total = sum(x * x for x in range(200000) if x % 3)
print(gen_total)
del t, d
