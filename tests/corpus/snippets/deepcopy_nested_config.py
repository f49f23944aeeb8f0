import copy
import types

base = {
    "layers": [{"name": f"layer{i}", "weights": [float(j) for j in range(200)], "meta": {"i": i}} for i in range(300)],
    "opts": types.SimpleNamespace(lr=0.01, tags=["a", "b"]),
}
snapshots = [copy.deepcopy(base) for _ in range(5)]
print(len(snapshots), snapshots[2]["layers"][7]["name"], snapshots[0]["opts"])
shallow = [copy.copy(base) for _ in range(100)]
print(shallow[0]["layers"] is base["layers"])
del snapshots
del shallow
