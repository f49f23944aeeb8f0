from collections.abc import MutableMapping, Sequence

class CaseInsensitiveDict(MutableMapping):
    def __init__(self, *args, **kw):
        self._data = {}
        self.update(*args, **kw)
    def __getitem__(self, key):
        return self._data[key.lower()][1]
    def __setitem__(self, key, value):
        self._data[key.lower()] = (key, value)
    def __delitem__(self, key):
        del self._data[key.lower()]
    def __iter__(self):
        return (k for k, _ in self._data.values())
    def __len__(self):
        return len(self._data)

headers = CaseInsensitiveDict({"Content-Type": "text/html", "X-Id": "1"})
print(headers["content-type"], "X-ID" in headers, len(headers))
big = CaseInsensitiveDict((f"Key{i}", i) for i in range(30000))
print(len(big), big["KEY29999"], list(big)[:2])
big.pop("key5")
print(len(big), big.get("key5", "gone"))

class Span(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 2
s = Span(10)
print(list(reversed(s))[:3], s.index(8), 6 in s, s.count(4))
del big
print(dict(headers))
