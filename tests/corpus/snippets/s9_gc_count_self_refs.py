import gc


class Holder:
    def __init__(self, n):
        self.me = self
        self.data = list(range(n))


print(gc.get_threshold(), gc.isenabled())
gc.collect()
before = gc.get_count()
print(before[0] < 700, len(gc.get_stats()))
gc.disable()
made = [Holder(10) for _ in range(5000)]
print(gc.get_count()[0] >= 5000)
del made
found = gc.collect()
print(found)
gc.enable()
for round_ in range(3):
    for _ in range(2000):
        h = Holder(5)
        d = {"self": None}
        d["self"] = d
    del h, d
    print(round_, gc.collect())
lst = []
lst.append(lst)
print(gc.is_tracked(lst), gc.is_tracked(1), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
del lst
print(gc.collect(0), gc.collect(1), gc.collect())
gc.set_threshold(100, 5, 5)
print(gc.get_threshold())
junk = [Holder(1) for _ in range(1000)]
del junk
print(gc.collect() >= 0, gc.garbage)
