from functools import singledispatch
from datetime import date
from decimal import Decimal

@singledispatch
def encode(obj):
    raise TypeError(f"cannot encode {type(obj).__name__}")

@encode.register
def _(obj: int):
    return f"i:{obj}"

@encode.register
def _(obj: str):
    return f"s:{len(obj)}:{obj}"

@encode.register(list)
@encode.register(tuple)
def _(obj):
    return "[" + ",".join(encode(x) for x in obj) + "]"

@encode.register
def _(obj: dict):
    return "{" + ",".join(f"{encode(k)}={encode(v)}" for k, v in obj.items()) + "}"

@encode.register(date)
def _(obj):
    return f"d:{obj.isoformat()}"

records = [{"id": i, "tags": ["a", "b"][: i % 3], "when": date(2024, 1, 1 + i % 28), "pt": (i, -i)} for i in range(8000)]
encoded = [encode(r) for r in records]
print(encoded[2], len(encoded))
print(encode(True), encode.dispatch(bool).__name__)
try:
    encode(Decimal("1.5"))
except TypeError as e:
    print(e)
print(sorted(t.__name__ for t in encode.registry.keys()))
del records
print(sum(map(len, encoded)))
