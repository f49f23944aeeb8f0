evens = set(range(0, 1_000_000, 2))
threes = set(range(0, 1_000_000, 3))
both = evens & threes
either = evens | threes
only = evens ^ threes
print(len(both), len(either), len(only))
diff = evens - threes
print("diff:", len(diff))
evens -= threes
print("in place:", len(evens), evens == diff)
del either, only
del diff, both
threes.clear()
print("cleared:", len(threes))
del evens, threes
