# title: A class method filtering records with comprehensions
class Table:
    def __init__(self, n):
        self.rows = [(i, str(i), i % 7) for i in range(n)]

    def where(self, k):
        return [r for r in self.rows if r[2] == k]

    def index(self):
        return {r[1]: r for r in self.rows}

    def groups(self):
        return {k: [r[0] for r in self.rows if r[2] == k] for k in range(7)}


t = Table(150000)
sel = t.where(3)
idx = t.index()
grp = t.groups()
del sel, idx
del grp
del t
