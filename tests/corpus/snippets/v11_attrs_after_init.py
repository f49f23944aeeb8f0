import sys


class Record:
    def __init__(self, ident):
        self.ident = ident


records = [Record(i) for i in range(20000)]
print(sys.getsizeof(records[0].__dict__))
for r in records:
    for k in range(12):
        setattr(r, f"field{k}", k * r.ident)
print(len(records), records[5].field11)
for r in records[::2]:
    r.extra = "x"
    del r.field0
print(sum(len(vars(r)) for r in records[:10]))
del records
