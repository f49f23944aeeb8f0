import weakref


class Subject:
    def __init__(self):
        self._observers = weakref.WeakSet()

    def attach(self, obs):
        self._observers.add(obs)

    def notify(self, value):
        for obs in list(self._observers):
            obs.update(value)

    def __len__(self):
        return len(self._observers)


class Watcher:
    def __init__(self, name):
        self.name = name
        self.seen = []

    def update(self, value):
        self.seen.append(value)


subject = Subject()
watchers = [Watcher(f"w{i}") for i in range(5000)]
for w in watchers:
    subject.attach(w)

for v in range(20):
    subject.notify(v)
print(len(subject), len(watchers[0].seen))

watchers = watchers[::2]
print(len(subject))

refs = [weakref.ref(w) for w in watchers]
del watchers
print(len(subject), sum(r() is None for r in refs))
