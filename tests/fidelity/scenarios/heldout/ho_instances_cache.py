# title: A cache of instances that grows and is cleared
class User:
    def __init__(self, uid, name):
        self.uid = uid
        self.name = name
        self.active = uid % 3 != 0

    def label(self):
        return self.name + "#" + str(self.uid)


cache = {}
for uid in range(150000):
    cache[uid] = User(uid, "user" + str(uid))

labels = [u.label() for u in cache.values() if u.active]
cache.clear()
del labels
cache = None
