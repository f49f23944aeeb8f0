counter = 0
def bump():
    global counter
    counter += 1
def make_acc():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
acc = make_acc()
for i in range(100000):
    bump()
    acc(i)
print(counter, acc(0))
first, *middle, last = list(range(100000))
print(first, len(middle), last)
if (n := len(middle)) > 10:
    print("big", n)
pairs = dict(zip(range(50000), reversed(range(50000))))
print(pairs[0], sum(pairs.values()))
fs = frozenset(range(1000))
print(len(fs & set(range(500, 1500))))
del middle, pairs
