from functools import partial, reduce
import operator

configs = [{f"key{i % 300}": i, f"opt{i}": str(i)} for i in range(3000)]
merged = reduce(lambda a, b: {**a, **b}, configs, {})
print(len(merged))

product = reduce(operator.mul, range(1, 500))
print(len(str(product)))

flat = reduce(operator.add, ([i] * 3 for i in range(2000)), [])
print(len(flat))


def scale(value, factor, offset=0):
    return value * factor + offset


double = partial(scale, factor=2)
shift = partial(scale, factor=1, offset=100)
values = list(map(double, range(100_000)))
shifted = [shift(v) for v in values]
print(values[-1], shifted[-1])
del configs, flat, values
