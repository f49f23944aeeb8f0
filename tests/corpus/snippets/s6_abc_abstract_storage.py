from abc import ABC, abstractmethod


class Storage(ABC):
    @abstractmethod
    def put(self, key, value):
        ...

    @abstractmethod
    def get(self, key):
        ...

    @property
    @abstractmethod
    def size(self):
        ...

    def put_many(self, items):
        for k, v in items:
            self.put(k, v)


class MemoryStorage(Storage):
    def __init__(self):
        self._data = {}

    def put(self, key, value):
        self._data[key] = value

    def get(self, key):
        return self._data.get(key)

    @property
    def size(self):
        return len(self._data)


class Broken(Storage):
    def put(self, key, value):
        pass


try:
    Broken()
except TypeError as e:
    print("cannot instantiate:", e)

store = MemoryStorage()
store.put_many((f"key-{i}", bytes(64)) for i in range(150000))
print(store.size, isinstance(store, Storage), issubclass(MemoryStorage, Storage))
print(len(store.get("key-42")), store.get("missing"))
store._data.clear()
print("after clear", store.size)
del store
