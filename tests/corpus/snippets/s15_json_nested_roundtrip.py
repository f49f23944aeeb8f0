import json
import random

random.seed(5)


def make_user(i):
    return {
        "id": i,
        "name": f"User {i}",
        "active": i % 3 != 0,
        "scores": [random.randint(0, 100) for _ in range(10)],
        "address": {"city": random.choice(["Berlin", "Paris", "Oslo"]), "zip": f"{i:05d}"},
        "tags": None if i % 5 else ["vip"],
    }


users = [make_user(i) for i in range(20000)]
blob = json.dumps(users)
print(len(blob))
restored = json.loads(blob)
print(restored == users, restored[42]["address"])
del users

pretty = json.dumps(restored[:100], indent=2, sort_keys=True)
print(pretty.count("\n"))
avg = {u["id"]: sum(u["scores"]) / len(u["scores"]) for u in restored}
print(max(avg.values()), len(avg))
del blob, pretty
restored = [u for u in restored if u["active"]]
print(len(restored))
del restored, avg
