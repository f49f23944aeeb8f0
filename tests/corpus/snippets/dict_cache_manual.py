_cache = {}


def get_user(user_id):
    if user_id not in _cache:
        _cache[user_id] = {"id": user_id, "name": "user_%d" % user_id, "history": list(range(30))}
    return _cache[user_id]


for i in range(100000):
    get_user(i % 60000)

print("cached users:", len(_cache))
_cache.clear()
