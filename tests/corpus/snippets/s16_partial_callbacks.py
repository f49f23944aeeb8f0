from functools import partial

class Button:
    def __init__(self, label):
        self.label = label
        self.handlers = []

    def on_click(self, fn):
        self.handlers.append(fn)

    def click(self):
        return [h() for h in self.handlers]

def handle(button_id, payload, extra=None):
    return button_id + len(payload)

buttons = [Button(f"b{i}") for i in range(10000)]
big = [0] * 1000
for i, b in enumerate(buttons):
    b.on_click(partial(handle, i, big))
    b.on_click(partial(handle, i, list(range(20)), extra="x"))

print(sum(sum(b.click()) for b in buttons[:100]))

p = buttons[5].handlers[1]
print(p.func.__name__, p.args[0], p.keywords)

log = []
add_log = partial(log.append)
for i in range(50000):
    add_log(f"event {i}")
print(len(log))

pow2 = partial(pow, 2)
print([pow2(i) for i in range(5)])

for b in buttons:
    b.handlers.clear()
del buttons, log
print(pow2(10))
