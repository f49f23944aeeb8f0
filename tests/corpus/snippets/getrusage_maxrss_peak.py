import resource


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


print(f"peak at start: {peak_mb():.1f} MB")
data = [str(i) * 3 for i in range(1000000)]
print(f"peak after build: {peak_mb():.1f} MB")
del data
print(f"peak after del: {peak_mb():.1f} MB (ru_maxrss never goes down)")
