import sys
from collections import deque


def deep_size(obj, seen=None):
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset, deque)):
        size += sum(deep_size(x, seen) for x in obj)
    elif hasattr(obj, "__dict__"):
        size += deep_size(vars(obj), seen)
    return size


class Record:
    def __init__(self, i):
        self.id = i
        self.name = f"record-{i}"
        self.values = [i, i * 2, i * 3]


samples = {
    "ints": list(range(1000)),
    "strs": [str(i) * 3 for i in range(1000)],
    "tuple": tuple(range(100)),
    "set": set(range(1000)),
    "dict": {i: str(i) for i in range(1000)},
    "deque": deque(range(1000)),
    "records": [Record(i) for i in range(1000)],
    "nested": [[[i]] for i in range(300)],
}
for name, obj in samples.items():
    print(f"{name:<8} shallow={sys.getsizeof(obj):>7} deep={deep_size(obj):>8}")
shared = [samples["ints"]] * 3
print(deep_size(shared), sys.getsizeof(shared))
print(sys.getsizeof(0), sys.getsizeof(2**100), sys.getsizeof(""), sys.getsizeof("é"), sys.getsizeof(b"ab"))
print(sys.getsizeof(1.5), sys.getsizeof(None), sys.getsizeof([]), sys.getsizeof({}), sys.getsizeof(set()))
del samples
