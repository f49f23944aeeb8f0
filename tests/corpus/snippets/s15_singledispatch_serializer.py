from functools import singledispatch
from datetime import date
import json


@singledispatch
def to_jsonable(obj):
    raise TypeError(f"cannot serialize {type(obj).__name__}")


@to_jsonable.register
def _(obj: dict):
    return {str(k): to_jsonable(v) for k, v in obj.items()}


@to_jsonable.register(list)
@to_jsonable.register(tuple)
def _(obj):
    return [to_jsonable(v) for v in obj]


@to_jsonable.register
def _(obj: set):
    return sorted(to_jsonable(v) for v in obj)


@to_jsonable.register(int)
@to_jsonable.register(float)
@to_jsonable.register(str)
def _(obj):
    return obj


@to_jsonable.register
def _(obj: date):
    return obj.isoformat()


records = [
    {"id": i, "when": date(2024, 1 + i % 12, 1 + i % 28), "tags": {f"t{i % 5}", f"t{i % 3}"}, "pos": (i, i * 2)}
    for i in range(20000)
]
plain = to_jsonable(records)
print(plain[3])
text = json.dumps(plain)
print(len(text))
try:
    to_jsonable(object())
except TypeError as e:
    print(e)
print(to_jsonable.dispatch(bool).__name__, len(to_jsonable.registry))
del records, plain
del text
