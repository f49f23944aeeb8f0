import os

DEFAULTS = {"APP_WORKERS": "4", "APP_CACHE_MB": "64", "APP_MODE": "prod"}
for key, value in DEFAULTS.items():
    os.environ.setdefault(key, value)
os.environ["APP_MODE"] = "debug"
settings = {k[4:].lower(): v for k, v in os.environ.items() if k.startswith("APP_")}
print(sorted(settings.items()))
workers = int(os.environ.get("APP_WORKERS", "1"))
cache_mb = int(os.getenv("APP_CACHE_MB", "8"))
print(workers, cache_mb, os.environ.get("NOT_SET"), "APP_MODE" in os.environ)
cache = [bytearray(1024) for _ in range(cache_mb * 1024 // 4)]
print(len(cache), sum(map(len, cache)) // (1024 * 1024), "MiB")
snapshot = dict(os.environ)
del os.environ["APP_MODE"]
print("APP_MODE" in os.environ, "APP_MODE" in snapshot)
print(os.environ.pop("APP_WORKERS"), os.environ.get("APP_WORKERS", "gone"))
print(type(os.environ).__name__, isinstance(os.getpid(), int), os.sep, os.path.join("a", "b"))
del cache
