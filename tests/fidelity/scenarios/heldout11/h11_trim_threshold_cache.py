# title: A request cache filled and emptied, the script people run with MALLOC_TRIM_THRESHOLD_
#
# Held-out (issue 9, written before reading the allocator code): the "set
# MALLOC_TRIM_THRESHOLD_ lower so glibc gives memory back" experiment. A cache
# of rendered responses (a few KB each) grows, most of it is evicted, then
# it is refilled with smaller entries.
cache = {}
for i in range(30000):
    cache[f"/item/{i}"] = ("<li>" + str(i) + "</li>") * 60
for key in list(cache)[:27000]:
    del cache[key]
evicted = len(cache)
for i in range(30000, 40000):
    cache[f"/item/{i}"] = "x" * 300
cache.clear()
