import functools
import gc


class Report:
    def __init__(self, rid, rows):
        self.rid = rid
        self.rows = rows

    @functools.lru_cache(maxsize=None)
    def summary(self, column):
        return sum(r[column] for r in self.rows)

    def __hash__(self):
        return hash(self.rid)

    def __eq__(self, other):
        return isinstance(other, Report) and self.rid == other.rid


reports = [Report(i, [(j, j * 2, j * 3) for j in range(200)]) for i in range(2000)]
totals = [r.summary(1) + r.summary(2) for r in reports]
print(sum(totals), Report.summary.cache_info())

del reports
gc.collect()
alive = sum(1 for o in gc.get_objects() if isinstance(o, Report))
print("alive after del:", alive)
Report.summary.cache_clear()
gc.collect()
alive = sum(1 for o in gc.get_objects() if isinstance(o, Report))
print("alive after cache_clear:", alive)
del totals
