from functools import partial, reduce
import operator


def scale(value, factor, offset=0):
    return value * factor + offset


double = partial(scale, factor=2)
shift = partial(scale, factor=1, offset=100)
values = list(range(200000))
doubled = list(map(double, values))
shifted = [shift(v) for v in values[:50000]]
print(doubled[-1], shifted[:2], double.keywords)

product = reduce(operator.mul, range(1, 400), 1)
print(len(str(product)))

merged = reduce(lambda acc, d: {**acc, **d}, ({f"k{i}": i} for i in range(2000)), {})
print(len(merged))

total = reduce(operator.add, values)
joined = reduce(operator.concat, [[i] for i in range(3000)])
print(total, len(joined), operator.itemgetter(1, 3)(doubled))
del values, doubled, shifted, joined
print(reduce(max, [3, 9, 2]))
