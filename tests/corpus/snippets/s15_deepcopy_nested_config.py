import copy

defaults = {"retries": 3, "timeouts": [1, 2, 4], "headers": {"ua": "bot/1.0"}}
services = {
    f"svc{i}": {
        "hosts": [f"10.0.{i % 256}.{j}" for j in range(20)],
        "limits": {"cpu": i % 8, "mem": (i % 16) * 256},
        "defaults": defaults,
    }
    for i in range(3000)
}
print(len(services))

snapshot = copy.deepcopy(services)
print(snapshot["svc7"]["defaults"] is snapshot["svc8"]["defaults"], snapshot["svc7"]["defaults"] is defaults)

shallow = copy.copy(services)
shallow["svc1"]["limits"]["cpu"] = 99
print(services["svc1"]["limits"]["cpu"], snapshot["svc1"]["limits"]["cpu"])

history = []
for step in range(5):
    services["svc0"]["limits"]["mem"] += 1
    history.append(copy.deepcopy(services))
print(len(history), [h["svc0"]["limits"]["mem"] for h in history])
del history
del shallow
services.clear()
print(len(snapshot))
del snapshot
