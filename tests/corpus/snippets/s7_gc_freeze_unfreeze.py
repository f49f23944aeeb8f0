import gc

config = {f"k{i}": [i, str(i), {"v": i}] for i in range(50000)}
print(gc.get_count()[0] >= 0, gc.get_freeze_count())
gc.freeze()
frozen = gc.get_freeze_count()
print(frozen > 100000)
work = [[i] for i in range(100000)]
found = gc.collect()
print(found, gc.get_freeze_count() == frozen)
gen2 = len(gc.get_objects(generation=2))
print(gen2 < frozen)
del work
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect(), len(gc.get_objects(generation=2)) > 100000)
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.get_threshold())
del config
