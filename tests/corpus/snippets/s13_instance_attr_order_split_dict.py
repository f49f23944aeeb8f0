import sys

class Event:
    def __init__(self, i):
        self.kind = "click"
        self.at = i
        self.target = f"btn{i % 10}"

events = [Event(i) for i in range(80000)]
print("shared-key dict:", sys.getsizeof(events[0].__dict__))
for ev in events[::2]:
    del ev.target
for ev in events[1::4]:
    ev.extra = True
print("after del/extra:", sys.getsizeof(events[0].__dict__), sys.getsizeof(events[1].__dict__))
late = Event(-1)
late.zzz = 1
print(len(vars(late)))
del events[:40000]
print("left:", len(events))
del events, late
