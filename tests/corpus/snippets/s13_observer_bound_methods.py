class Publisher:
    def __init__(self):
        self.subscribers = []

    def subscribe(self, fn):
        self.subscribers.append(fn)

    def publish(self, msg):
        for fn in self.subscribers:
            fn(msg)

class Widget:
    def __init__(self, n):
        self.n = n
        self.history = []
        self.buffer = bytearray(256)

    def on_message(self, msg):
        self.history.append(msg)

bus = Publisher()
widgets = [Widget(i) for i in range(5000)]
for w in widgets:
    bus.subscribe(w.on_message)
for k in range(20):
    bus.publish(f"tick {k}")
print("subscribers:", len(bus.subscribers), "first history:", len(widgets[0].history))
del widgets
print("widgets still reachable via bound methods:", bus.subscribers[0].__self__.n)
bus.subscribers.clear()
print("subscribers after clear:", len(bus.subscribers))
