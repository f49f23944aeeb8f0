from functools import cached_property
import statistics

class Dataset:
    def __init__(self, values):
        self.values = values

    @cached_property
    def sorted_values(self):
        print("sorting", len(self.values))
        return sorted(self.values)

    @cached_property
    def summary(self):
        v = self.sorted_values
        return {"min": v[0], "max": v[-1], "median": statistics.median(v)}

sets = [Dataset([(i * 7919 + k * 31) % 10007 for k in range(3000)]) for i in range(8)]
print(sets[0].summary)
print(sets[0].summary is sets[0].summary, "sorted_values" in vars(sets[0]))
print([d.summary["median"] for d in sets[1:4]])

for d in sets:
    d.__dict__.pop("sorted_values", None)
print(sum("sorted_values" in vars(d) for d in sets))
del sets[0].summary
print(sets[0].summary["max"])
print(type(Dataset.summary).__name__, Dataset.summary.attrname)
