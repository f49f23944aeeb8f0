import weakref
import gc


class Subject:
    def __init__(self):
        self.observers = weakref.WeakSet()

    def attach(self, obs):
        self.observers.add(obs)

    def notify(self, event):
        for obs in list(self.observers):
            obs.update(event)


class Widget:
    def __init__(self, wid):
        self.wid = wid
        self.events = []

    def update(self, event):
        self.events.append(event)


subject = Subject()
widgets = [Widget(i) for i in range(20000)]
for w in widgets:
    subject.attach(w)
subject.notify("start")
print(len(subject.observers), widgets[0].events)

del widgets[::2]
print(len(subject.observers))
subject.notify("half")
print(sum(len(w.events) for w in widgets))

refs = {w.wid: weakref.ref(w) for w in widgets}
widgets.clear()
gc.collect()
print(len(subject.observers), sum(1 for r in refs.values() if r() is not None))
del refs, subject
