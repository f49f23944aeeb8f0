# gc.get_objects() and friends over the whole process (the start-up's objects included), printed as
# what a plain `python3.11 script.py` and the simulator's start-up share: the ranking of the type
# census, growth counts, generations after collections and freeze, referrers, is_tracked.
import gc
from collections import Counter


# a plain run's start-up leaves garbage the recorder's child has collected before its first statement
gc.collect()


def census():
    return Counter(type(o).__name__ for o in gc.get_objects())


start = census()
print(sorted(name for name, _ in start.most_common(10)))
print(sum(start.values()) > 10000, start["function"] > 2000, start["wrapper_descriptor"] > 1000)


class Point:
    def __init__(self, x):
        self.x = x
        self.tags = [x]


before = len(gc.get_objects())
points = [Point(i) for i in range(3000)]
print(len(gc.get_objects()) - before > 5900)
grown = census() - start
print(grown["Point"], grown["list"] >= 3000)
del points
gc.collect()
print(len(gc.get_objects()) - before <= 0)
print(len(gc.get_objects(generation=0)) <= 1, len(gc.get_objects(generation=1)))
gc.freeze()
print(gc.get_freeze_count() > 10000, len(gc.get_objects(generation=2)), len(gc.get_objects()) < 20)
gc.unfreeze()
print(gc.get_freeze_count(), len(gc.get_objects(generation=2)) > 10000)
holder = {"payload": [bytearray(16)]}
refs = gc.get_referrers(holder["payload"])
print(len(refs), refs[0] is holder)
print(gc.get_referrers({"only": "atoms"}), gc.is_tracked({"only": "atoms"}), gc.is_tracked({"b": bytearray(1)}))
refs = gc.get_referrers(holder)
print(len(refs), refs[0] is globals())
print(gc.is_tracked(holder), gc.is_tracked(holder["payload"]), gc.is_tracked(gc.get_objects()[-1]), gc.is_tracked("s"))
try:
    gc.get_objects(generation=3)
except ValueError as e:
    print("ValueError:", e)
print(len(gc.get_objects(-1)) == len(gc.get_objects()))
for bad in (-2, 3):
    for call in (gc.get_objects, gc.collect):
        try:
            call(bad)
        except ValueError as e:
            print(call.__name__, bad, "ValueError:", e)
