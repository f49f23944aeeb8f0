from functools import singledispatch
from datetime import date


@singledispatch
def to_json(obj):
    raise TypeError(f"cannot serialize {type(obj).__name__}")


@to_json.register
def _(obj: str):
    return '"' + obj.replace('"', '\\"') + '"'


@to_json.register(int)
@to_json.register(float)
def _(obj):
    return repr(obj)


@to_json.register
def _(obj: bool):
    return "true" if obj else "false"


@to_json.register(type(None))
def _(obj):
    return "null"


@to_json.register(list)
@to_json.register(tuple)
def _(obj):
    return "[" + ", ".join(to_json(x) for x in obj) + "]"


@to_json.register
def _(obj: dict):
    return "{" + ", ".join(f"{to_json(str(k))}: {to_json(v)}" for k, v in obj.items()) + "}"


@to_json.register
def _(obj: date):
    return to_json(obj.isoformat())


records = [
    {"id": i, "ok": i % 2 == 0, "ratio": i / 7, "tags": ["a", "b"], "parent": None, "day": date(2026, 1, 1 + i % 28)}
    for i in range(5000)
]
text = "[" + ",\n".join(to_json(r) for r in records) + "]"
print(len(text))
print(to_json(records[3]))
try:
    to_json({1, 2})
except TypeError as e:
    print("error:", e)
print(to_json.registry.keys() >= {int, str, dict})
del records, text
