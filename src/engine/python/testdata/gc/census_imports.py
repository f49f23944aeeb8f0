import gc
from collections import Counter


def census():
    c = Counter(type(o).__name__ for o in gc.get_objects())
    return sum(c.values()), c.most_common(10)


print(census())
import json
print(census())
import dataclasses
print(census())
import typing
print(census())
print([len(gc.get_objects(g)) for g in range(3)])
