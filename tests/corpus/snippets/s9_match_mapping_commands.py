import json

raw = []
for i in range(20000):
    kind = i % 5
    if kind == 0:
        raw.append({"op": "add", "key": f"k{i}", "value": i})
    elif kind == 1:
        raw.append({"op": "del", "key": f"k{i - 1}"})
    elif kind == 2:
        raw.append({"op": "rename", "key": f"k{i - 2}", "to": f"r{i}", "extra": True})
    elif kind == 3:
        raw.append({"op": "batch", "items": [{"op": "add", "key": f"b{i}", "value": 1}]})
    else:
        raw.append({"cmd": "noop"})
messages = [json.dumps(m) for m in raw]
del raw

store = {}
unknown = []


def apply(msg):
    match msg:
        case {"op": "add", "key": str(key), "value": int(value)}:
            store[key] = value
        case {"op": "del", "key": key} if key in store:
            del store[key]
        case {"op": "rename", "key": key, "to": new, **rest}:
            if key in store:
                store[new] = store.pop(key)
            return rest
        case {"op": "batch", "items": [*items]}:
            for item in items:
                apply(item)
        case other:
            unknown.append(other)


extras = [apply(json.loads(m)) for m in messages]
print(len(store), len(unknown), unknown[0])
print(sum(1 for e in extras if e), extras[2])
print(sorted(store)[:4])
del messages, extras
