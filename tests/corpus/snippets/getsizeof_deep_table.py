import sys
from collections import deque


def deep_getsizeof(obj, seen=None):
    """Size of obj and everything it refers to (containers only)."""
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(deep_getsizeof(k, seen) + deep_getsizeof(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset, deque)):
        size += sum(deep_getsizeof(i, seen) for i in obj)
    return size


samples = {
    "int 0": 0,
    "int 2**100": 2 ** 100,
    "float": 1.5,
    "str ''": "",
    "str 'abc'": "abc",
    "str 'é'": "é",
    "bytes 10": b"0123456789",
    "tuple ()": (),
    "tuple 3": (1, 2, 3),
    "list []": [],
    "list 3": [1, 2, 3],
    "dict {}": {},
    "dict 1": {"a": 1},
    "set()": set(),
    "deque": deque(),
    "None": None,
}

print(f"{'object':<14}{'getsizeof':>10}")
for name, obj in samples.items():
    print(f"{name:<14}{sys.getsizeof(obj):>10}")

data = {f"k{i}": [i, str(i), (i, i)] for i in range(30_000)}
print(sys.getsizeof(data), deep_getsizeof(data))
del data
