from datetime import date
from decimal import Decimal
from functools import partial, reduce, singledispatch
import operator


@singledispatch
def render(value):
    return repr(value)


@render.register
def _(value: int):
    return f"{value:,}"


@render.register
def _(value: float):
    return f"{value:.3f}"


@render.register(list)
def _(value):
    return "[" + ", ".join(render(v) for v in value) + "]"


@render.register(dict)
def _(value):
    return "{" + ", ".join(f"{k}={render(v)}" for k, v in value.items()) + "}"


@render.register(date)
def _(value):
    return value.isoformat()


rows = [{"id": i, "score": i / 7, "tags": [i, i * 2], "when": date(2024, 1, 1 + i % 28)} for i in range(20000)]
lines = [render(r) for r in rows]
print(len(lines), lines[3])
print(render(Decimal("1.5")), render(True), render(None))
print(render.dispatch(bool).__name__, sorted(t.__name__ for t in render.registry if t is not object))

total = reduce(operator.add, (r["id"] for r in rows), 0)
product = reduce(lambda a, b: a * b % 1000003, range(1, 5000), 1)
print(total, product)
round2 = partial(round, ndigits=2)
scaled = list(map(round2, (r["score"] for r in rows)))
print(scaled[:5], round2.keywords, round2.func.__name__)
base2 = partial(int, base=2)
print(base2("101010"))
del rows, lines, scaled
