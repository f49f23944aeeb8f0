import gc

config = {f"key{i}": list(range(20)) for i in range(50000)}
gc.freeze()
print("frozen:", gc.get_freeze_count())
work = [[i] for i in range(200000)]
del work
gc.collect()
gc.unfreeze()
print(gc.get_stats()[2])
