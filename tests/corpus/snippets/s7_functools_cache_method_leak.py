import functools
import gc
import weakref


class Report:
    def __init__(self, rows):
        self.rows = rows

    @functools.cache
    def total(self, column):
        return sum(r[column] for r in self.rows)


refs = []
for i in range(200):
    r = Report([(j, j * i) for j in range(500)])
    r.total(1)
    refs.append(weakref.ref(r))
del r
gc.collect()
print("alive after del:", sum(ref() is not None for ref in refs))
print(Report.total.cache_info())
Report.total.cache_clear()
gc.collect()
print("alive after cache_clear:", sum(ref() is not None for ref in refs))


class FixedReport:
    def __init__(self, rows):
        self.rows = rows
        self.total = functools.lru_cache(maxsize=None)(self._total)

    def _total(self, column):
        return sum(r[column] for r in self.rows)


fixed = [FixedReport([(j, j) for j in range(500)]) for _ in range(200)]
print(sum(f.total(1) for f in fixed))
wr = weakref.ref(fixed[0])
del fixed
gc.collect()
print("fixed alive:", wr() is not None)
