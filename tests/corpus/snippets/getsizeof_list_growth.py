import sys

# watch list over-allocation: getsizeof only changes when the list resizes
sizes = []
lst = []
last = sys.getsizeof(lst)
print(f"len=0 size={last}")
for i in range(200):
    lst.append(i)
    size = sys.getsizeof(lst)
    if size != last:
        print(f"len={len(lst):>3} size={size:>5} (+{size - last})")
        sizes.append((len(lst), size))
        last = size

big = []
for i in range(1_000_000):
    big.append(i)
print("1e6 appended:", sys.getsizeof(big))
exact = list(range(1_000_000))
print("list(range):", sys.getsizeof(exact))
comp = [i for i in range(1_000_000)]
print("listcomp:", sys.getsizeof(comp))
print("[0]*n:", sys.getsizeof([0] * 1_000_000))

del big[500_000:]
print("after del half:", sys.getsizeof(big))
big.clear()
print("after clear:", sys.getsizeof(big))
del exact, comp
