import json
from collections import OrderedDict

raw = json.dumps([{"z": i, "a": str(i), "m": [i, i + 1]} for i in range(15000)])

plain = json.loads(raw)
ordered = json.loads(raw, object_pairs_hook=OrderedDict)
print(type(plain[0]).__name__, type(ordered[0]).__name__)
print(list(ordered[5].keys()), plain[5] == ordered[5])

def as_tuple_pairs(pairs):
    return tuple(pairs)

tupled = json.loads(raw, object_pairs_hook=as_tuple_pairs)
print(tupled[2])

floats = json.loads('{"a": 1.10, "b": 2}', parse_float=str)
print(floats)

del plain
del tupled
print(len(ordered), ordered[-1]["m"])
