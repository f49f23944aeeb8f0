import gc
import sys

before = len(gc.get_objects())
cache = [[i, str(i)] for i in range(100000)]
after = len(gc.get_objects())
print("new tracked objects:", after - before)
print("refcount of cache:", sys.getrefcount(cache))
del cache
gc.collect()
print(len(gc.get_objects()) - before)
