import weakref
import gc

class Observer:
    def __init__(self, name):
        self.name = name
        self.seen = []
    def notify(self, event):
        self.seen.append(event)

class Subject:
    def __init__(self):
        self.observers = weakref.WeakSet()
    def attach(self, o):
        self.observers.add(o)
    def emit(self, event):
        for o in list(self.observers):
            o.notify(event)

subject = Subject()
keep = [Observer(f"o{i}") for i in range(5000)]
for o in keep:
    subject.attach(o)
for e in range(10):
    subject.emit(e)
print(len(subject.observers), len(keep[0].seen))
del keep[:4000]
gc.collect()
print(len(subject.observers))
subject.emit("last")
print(keep[0].seen[-1], keep[0].name)
del keep
print(len(subject.observers))
