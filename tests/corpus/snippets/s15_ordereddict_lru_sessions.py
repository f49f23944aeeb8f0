from collections import OrderedDict


class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = OrderedDict()

    def __getitem__(self, key):
        value = self.items[key]
        self.items.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        if key in self.items:
            self.items.move_to_end(key)
        self.items[key] = value
        if len(self.items) > self.capacity:
            self.items.popitem(last=False)

    def __len__(self):
        return len(self.items)


sessions = LRU(10000)
for i in range(60000):
    sid = f"session-{i % 15000}"
    try:
        sessions[sid]["hits"] += 1
    except KeyError:
        sessions[sid] = {"hits": 1, "cart": [i] * 10}
print(len(sessions), next(iter(sessions.items)), next(reversed(sessions.items)))
sessions.items.move_to_end("session-14999", last=False)
print(next(iter(sessions.items)))
hot = [k for k, v in sessions.items.items() if v["hits"] > 3]
print(len(hot))
sessions.capacity = 100
for i in range(200):
    sessions[f"new-{i}"] = {"hits": 0, "cart": []}
print(len(sessions))
del hot, sessions
