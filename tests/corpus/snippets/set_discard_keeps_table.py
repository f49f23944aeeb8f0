import sys

seen = set()
for i in range(400000):
    seen.add(i * 7)
print(len(seen), sys.getsizeof(seen))
for i in range(400000):
    seen.discard(i * 7)
print(len(seen), sys.getsizeof(seen))  # empty, but the table is still big
seen.clear()
print(sys.getsizeof(seen))
