cache = {f"key:{i}": [i] * 5 for i in range(100000)}
print(len(cache))
for k in list(cache):
    if int(k[4:]) % 4:
        cache.pop(k)
print(len(cache))
small = dict(cache)
print(len(small))
del cache
small.update({f"new:{i}": (i,) for i in range(5000)})
print(len(small))
small.clear()
