import gc
import numpy as np

# a "cache" of per-user feature arrays in an object array
cache = np.empty(2000, dtype=object)
for i in range(len(cache)):
    cache[i] = np.random.default_rng(i).random(2000)

latest = cache[-10:]          # a view: it pins the whole object array
del cache
gc.collect()                  # ndarray is not tracked by gc, nothing to collect anyway
print(len(latest), latest.base.shape, sum(a.nbytes for a in latest.base) / 1e6, "MB still held")

latest = latest.copy()        # only ten references now
print(latest.base is None, sum(a.nbytes for a in latest) / 1e6, "MB")
