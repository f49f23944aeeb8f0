from collections import UserDict, UserList


class CaseInsensitiveDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return key.lower() in self.data


class History(UserList):
    def append(self, item):
        if len(self.data) >= 5000:
            del self.data[0]
        super().append(item)


headers = CaseInsensitiveDict()
for i in range(50000):
    headers[f"X-Header-{i}"] = f"value {i}"
print(len(headers), headers["x-header-10"], "X-HEADER-99" in headers)
headers.update({"Content-Type": "text/plain"})
print(headers["content-type"], headers.get("CONTENT-TYPE"), headers.get("nope", "-"))
hist = History()
for i in range(20000):
    hist.append(("event", i))
print(len(hist), hist[0], hist[-1], isinstance(hist, UserList))
print(type(hist + [1]).__name__, hist.data is not None)
del headers
print(sum(1 for _ in hist))
