from collections import ChainMap, UserDict


class CaseInsensitiveDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return key.lower() in self.data


class TypedSettings(UserDict):
    types = {"port": int, "debug": bool, "ratio": float}

    def __setitem__(self, key, value):
        conv = self.types.get(key, str)
        super().__setitem__(key, conv(value))


defaults = {"host": "localhost", "port": 8080, "debug": False}
env = {"port": 9090}
cli = {"debug": True}
settings = ChainMap(cli, env, defaults)
print(settings["port"], settings["debug"], settings["host"], len(settings))
request_scope = settings.new_child({"host": "example.org"})
print(request_scope["host"], request_scope.parents["host"], list(request_scope.keys()))
request_scope["port"] = 1
print(request_scope.maps[0], settings["port"])

headers = CaseInsensitiveDict()
for i in range(30000):
    headers[f"X-Header-{i}"] = str(i) * 4
print(len(headers), headers["x-HEADER-42"], "X-HEADER-7" in headers)

ts = TypedSettings(port="8000", ratio="0.75", name=3)
ts.update({"debug": 1})
print(ts, isinstance(ts, dict), dict(ts) == ts.data)
layers = [dict((f"k{j}", j) for j in range(i, i + 50)) for i in range(0, 20000, 10)]
chain = ChainMap(*layers)
print(len(chain), chain["k19999"], chain["k0"])
del headers, layers, chain
