def make_counter():
    count = 0

    def increment():
        nonlocal count
        count += 1
        return count

    return increment


def make_accumulator(start):
    history = [start]

    def add(x):
        history.append(history[-1] + x)
        return history[-1]

    return add


c = make_counter()
for _ in range(10):
    c()
print(c())

accumulators = [make_accumulator(i) for i in range(2000)]
for acc in accumulators:
    for x in range(100):
        acc(x)

print(accumulators[5](0))
adders = [lambda y, n=n: y + n for n in range(10000)]
print(sum(f(1) for f in adders))

del accumulators
print("accumulators released")
