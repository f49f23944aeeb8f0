def status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])


_cache = {}


def fetch_profile(user_id):
    if user_id not in _cache:
        _cache[user_id] = {
            "id": user_id,
            "name": f"User {user_id}",
            "friends": list(range(user_id % 50)),
            "bio": "lorem ipsum " * (user_id % 8),
        }
    return _cache[user_id]


start = status("VmRSS")
for i in range(60000):
    fetch_profile(i % 45000)
grown = status("VmRSS")
print(len(_cache), grown > start)
print(fetch_profile(49)["friends"][-1], len(fetch_profile(7)["bio"]))
_cache.clear()
cleared = status("VmRSS")
print(len(_cache), "dropped" if cleared < grown else "kept", status("VmHWM") >= grown)
for i in range(10000):
    fetch_profile(i)
print(len(_cache))
_cache = {}
print(status("VmRSS") > 0)
