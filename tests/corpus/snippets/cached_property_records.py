from functools import cached_property


class Record:
    def __init__(self, i):
        self.i = i

    @cached_property
    def payload(self):
        return [self.i] * 40

    @cached_property
    def key(self):
        return f"rec-{self.i:06d}"


records = [Record(i) for i in range(50000)]
total = sum(len(r.payload) for r in records)
keys = {r.key for r in records[::2]}
print(total, len(keys), "payload" in vars(records[0]))
for r in records:
    del r.payload
print(sum(1 for r in records if "payload" in vars(r)))
records.clear()
