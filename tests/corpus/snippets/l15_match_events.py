from dataclasses import dataclass, field
import gc

@dataclass
class Click:
    x: int
    y: int

@dataclass
class Key:
    code: str
    mods: list = field(default_factory=list)

def classify(ev):
    match ev:
        case Click(x=0, y=0):
            return "origin"
        case Click(x=x, y=y) if x > y:
            return "right"
        case Click():
            return "left"
        case Key(code="q", mods=[]):
            return "quit"
        case Key(code=c, mods=[*ms]) if ms:
            return "mod:" + "+".join(ms)
        case {"type": "scroll", "dy": dy}:
            return f"scroll {dy:+d}"
        case [first, *rest]:
            return f"batch of {len(rest) + 1}"
        case _:
            return "other"

events = []
for i in range(60000):
    r = i % 6
    if r == 0:
        events.append(Click(i % 7, i % 5))
    elif r == 1:
        events.append(Key("q"))
    elif r == 2:
        events.append(Key(chr(97 + i % 26), ["ctrl", "shift"][: i % 3]))
    elif r == 3:
        events.append({"type": "scroll", "dy": i % 11 - 5})
    elif r == 4:
        events.append([i, i + 1, i + 2])
    else:
        events.append(i)
counts = {}
for ev in events:
    k = classify(ev)
    counts[k] = counts.get(k, 0) + 1
print(sorted(counts.items())[:5], len(counts))
del events
gc.collect()
print(len(counts))
