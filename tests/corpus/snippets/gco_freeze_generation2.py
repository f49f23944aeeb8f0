import gc

# load configuration once, then freeze it so later collections skip it (pre-fork pattern)
settings = {f"option_{i}": {"value": i, "tags": [str(i)]} for i in range(20000)}
gc.collect()
print("generations:", [len(gc.get_objects(generation=g)) for g in range(3)])
gc.freeze()
print("frozen:", gc.get_freeze_count())
print("after freeze:", [len(gc.get_objects(generation=g)) for g in range(3)])

requests = [{"id": i, "payload": [i] * 3} for i in range(30000)]
print("young objects:", len(gc.get_objects(generation=0)) + len(gc.get_objects(generation=1)))
del requests
print("collected:", gc.collect())
print("old generation:", len(gc.get_objects(generation=2)))
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count(), len(gc.get_objects(generation=2)))
