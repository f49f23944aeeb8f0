# A typed LRU cache class built on Generic, the way people annotate library code.
from collections import OrderedDict
from typing import Dict, Generic, List, Optional, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class LRUCache(Generic[K, V]):
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._store: "OrderedDict[K, V]" = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: K) -> Optional[V]:
        if key in self._store:
            self._store.move_to_end(key)
            self.hits += 1
            return self._store[key]
        self.misses += 1
        return None

    def put(self, key: K, value: V) -> None:
        self._store[key] = value
        self._store.move_to_end(key)
        if len(self._store) > self.capacity:
            self._store.popitem(last=False)


cache: LRUCache[str, List[int]] = LRUCache(1000)
for i in range(20000):
    key = f"k{i % 1500}"
    if cache.get(key) is None:
        cache.put(key, list(range(i % 20)))

print(cache.hits, cache.misses, len(cache._store))
stats: Dict[str, int] = {"hits": cache.hits, "misses": cache.misses}
print(stats)
del cache
