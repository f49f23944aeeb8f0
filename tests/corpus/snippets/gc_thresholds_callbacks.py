import gc

print(gc.get_threshold(), gc.isenabled())
events = []


def on_gc(phase, info):
    if phase == "stop":
        events.append((info["generation"], info["collected"]))


gc.callbacks.append(on_gc)


class Node:
    def __init__(self):
        self.me = self
        self.data = list(range(20))


for i in range(60_000):
    Node()

print(len(events), gc.get_count())
gc.set_threshold(100_000, 50, 50)
for i in range(60_000):
    Node()
print(len(events))

print(gc.collect(), [s["collections"] > 0 for s in gc.get_stats()])
gc.callbacks.remove(on_gc)
gc.set_threshold(700, 10, 10)
print(sum(c for _, c in events))
