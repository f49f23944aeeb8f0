from functools import cached_property


class Report:
    def __init__(self, rows):
        self.rows = rows
        self.computed = 0

    @cached_property
    def totals(self):
        self.computed += 1
        out = {}
        for key, value in self.rows:
            out[key] = out.get(key, 0) + value
        return out

    @cached_property
    def text(self):
        return "\n".join(f"{k}: {v}" for k, v in sorted(self.totals.items()))

    def invalidate(self):
        self.__dict__.pop("totals", None)
        self.__dict__.pop("text", None)


reports = [Report([(f"k{j % 50}", j) for j in range(i, i + 200)]) for i in range(300)]
print(sum(len(r.text) for r in reports))
print(sum(len(r.text) for r in reports))
print(reports[0].computed, "totals" in vars(reports[0]))
for r in reports[::2]:
    r.invalidate()
print(sum(r.computed for r in reports))
print(len(reports[1].text), len(reports[2].text), reports[2].computed)
print(type(Report.__dict__["totals"]).__name__, Report.totals.attrname)
for r in reports:
    r.invalidate()
print(sum(len(vars(r)) for r in reports))
del reports
