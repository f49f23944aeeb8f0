import copy

config = {
    "servers": [{"host": f"10.0.0.{i}", "ports": [80, 443, 8080 + i], "tags": {"env": "prod", "idx": i}} for i in range(50)],
    "limits": {"rps": 1000, "burst": [1, 2, 4, 8]},
}

history = []
for version in range(300):
    snap = copy.deepcopy(config)
    snap["limits"]["rps"] = 1000 + version
    history.append(snap)

shallow = [copy.copy(config) for _ in range(300)]
print(len(history), history[-1]["limits"]["rps"], shallow[0]["servers"] is config["servers"])
del history
