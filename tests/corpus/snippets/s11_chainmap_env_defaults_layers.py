from collections import ChainMap
import os

defaults = {"host": "localhost", "port": 8080, "debug": False, "workers": 2}
file_conf = {"port": 9000, "workers": 8}
env = {k[4:].lower(): v for k, v in os.environ.items() if k.startswith("APP_")}
cli = {"debug": True}

config = ChainMap(cli, env, file_conf, defaults)
print(config["host"], config["port"], config["debug"], len(config))
print(dict(config))

request_scopes = []
for i in range(5000):
    scope = config.new_child({"request_id": i, "user": f"u{i % 50}"})
    request_scopes.append(scope)
print(request_scopes[10]["request_id"], request_scopes[10]["port"], len(request_scopes[10].maps))

parent = request_scopes[0].parents
print(parent is config, parent == config)
config["port"] = 1234
print(cli, request_scopes[99]["port"])
del config.maps[0]["port"]
print(config["port"], "workers" in config, list(config)[:3])
del request_scopes
