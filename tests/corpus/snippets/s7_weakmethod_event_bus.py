import gc
import weakref


class EventBus:
    def __init__(self):
        self.subscribers = {}

    def subscribe(self, topic, callback):
        ref = weakref.WeakMethod(callback)
        self.subscribers.setdefault(topic, []).append(ref)

    def publish(self, topic, payload):
        alive = []
        delivered = 0
        for ref in self.subscribers.get(topic, []):
            method = ref()
            if method is not None:
                method(payload)
                alive.append(ref)
                delivered += 1
        self.subscribers[topic] = alive
        return delivered


class Widget:
    def __init__(self, n):
        self.n = n
        self.history = []

    def on_update(self, payload):
        self.history.append(payload * self.n)


bus = EventBus()
widgets = [Widget(i) for i in range(5000)]
for w in widgets:
    bus.subscribe("update", w.on_update)
print(bus.publish("update", 2))
del widgets[::2]
gc.collect()
print(bus.publish("update", 3))
print(len(bus.subscribers["update"]))
strong = []
for i in range(2000):
    w = Widget(i)
    strong.append(w.on_update)
    bus.subscribe("update", w.on_update)
print(bus.publish("update", 1), len(widgets[0].history))
del strong
print(bus.publish("update", 1))
