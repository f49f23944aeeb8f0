import json

config = {f"section{i}": {"enabled": i % 2 == 0, "values": list(range(50)), "name": "s" * 20} for i in range(5000)}
pretty = json.dumps(config, indent=2, sort_keys=True)
compact = json.dumps(config, separators=(",", ":"))
print(len(pretty), len(compact))
restored = json.loads(compact)
assert restored == config
del pretty, compact, restored
