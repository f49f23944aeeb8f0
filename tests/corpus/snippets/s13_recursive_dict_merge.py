def deep_merge(base, override):
    out = dict(base)
    for k, v in override.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out

defaults = {f"svc{i}": {"timeout": 30, "retries": 3, "limits": {"cpu": 1, "mem": 512}} for i in range(5000)}
overrides = {f"svc{i}": {"limits": {"mem": 1024 + i}} for i in range(0, 5000, 2)}
merged = deep_merge(defaults, overrides)
print(merged["svc2"], merged["svc3"]["limits"])
versions = [deep_merge(merged, {f"svc{v}": {"timeout": v}}) for v in range(20)]
print("versions:", len(versions), versions[7]["svc7"]["timeout"])
del versions
del overrides
del merged, defaults
print("gone")
