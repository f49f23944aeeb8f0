from collections import ChainMap

defaults = {"host": "localhost", "port": 8080, "debug": False, "workers": 2, "timeout": 30}
env = {"port": 9000, "workers": 4}
cli = {"debug": True}

config = ChainMap(cli, env, defaults)
print(config["port"], config["debug"], config["host"], len(config))
print(dict(config))

# one child scope per request, the way template engines push scopes
scopes = []
for req in range(20_000):
    scope = config.new_child({"request_id": req, "path": f"/items/{req % 100}"})
    if req % 50 == 0:
        scope["timeout"] = 5
    scopes.append(scope)

print(scopes[0]["timeout"], scopes[1]["timeout"], scopes[7]["path"])
print(len(scopes[0].maps), scopes[0].parents["port"])
short = sum(1 for s in scopes if s["timeout"] < 30)
print("short timeouts:", short)

del scopes
config.maps[1]["port"] = 9100
print(config["port"], list(config.keys()))
