from functools import partial, reduce, wraps
import operator

def scale(x, factor, offset=0):
    return x * factor + offset

double = partial(scale, factor=2)
shift = partial(scale, factor=1, offset=100)
print(double(5), shift(5), double.func.__name__, double.keywords)
handlers = [partial(scale, factor=i, offset=-i) for i in range(20000)]
print(len(handlers), handlers[7](3))
product = reduce(operator.mul, range(1, 300), 1)
print(len(str(product)))
merged = reduce(lambda acc, d: {**acc, **d}, ({f"k{i}": i} for i in range(2000)), {})
print(len(merged))
def logged(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@logged
def area(w, h):
    "rectangle area"
    return w * h
print(area.__name__, area.__doc__, area(3, 4))
del handlers, merged
print(product % 1000)
