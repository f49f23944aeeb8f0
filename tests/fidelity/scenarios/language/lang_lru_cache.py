# title: An lru_cache that keeps growing
#
# Issue 7: functools.lru_cache. With maxsize=None the cache is a plain dict
# from the argument key to the result, so every distinct call keeps its
# result alive: here 50,000 lists of 20 floats. A bounded cache (maxsize=1024)
# also keeps its entries in a linked list (the C implementation's link
# objects) and evicts the oldest; cache_clear()
# frees the unbounded one.
from functools import lru_cache


@lru_cache(maxsize=None)
def profile(user_id):
    return [user_id * 0.5 + k for k in range(20)]


@lru_cache(maxsize=1024)
def lookup(key):
    return "value-" + str(key) * 3


for uid in range(50000):
    profile(uid)

for key in range(100000):
    lookup(key % 3000)

info = profile.cache_info()
profile.cache_clear()
