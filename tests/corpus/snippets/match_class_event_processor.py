from dataclasses import dataclass


@dataclass
class Click:
    x: int
    y: int
    button: str = "left"


@dataclass
class Key:
    code: int
    mods: tuple = ()


@dataclass
class Scroll:
    delta: int


def make_events(n):
    events = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            events.append(Click(i % 800, i % 600, "right" if i % 8 == 0 else "left"))
        elif kind == 1:
            events.append(Key(65 + i % 26, ("ctrl",) if i % 3 == 0 else ()))
        elif kind == 2:
            events.append(Scroll(-3 if i % 2 else 3))
        else:
            events.append({"type": "resize", "size": (i % 1920, i % 1080)})
    return events


def handle(event, stats):
    match event:
        case Click(x=0, y=0):
            stats["origin"] += 1
        case Click(button="right"):
            stats["context"] += 1
        case Click(x, y) if x > y:
            stats["wide"] += 1
        case Key(code, mods=("ctrl",)):
            stats["shortcut"] += 1
        case Key():
            stats["typed"] += 1
        case Scroll(delta=d) if d < 0:
            stats["down"] += 1
        case {"type": "resize", "size": (w, h)}:
            stats["area"] = max(stats["area"], w * h)
        case _:
            stats["other"] += 1


events = make_events(80_000)
print("events:", len(events))
stats = dict.fromkeys(["origin", "context", "wide", "shortcut", "typed", "down", "area", "other"], 0)
for e in events:
    handle(e, stats)
print(stats)
del events
