events = []
for i in range(60000):
    if i % 4 == 0:
        events.append({"type": "click", "pos": [i % 800, i % 600], "button": "left"})
    elif i % 4 == 1:
        events.append({"type": "key", "key": chr(97 + i % 26), "mods": ["shift"] if i % 8 == 1 else []})
    elif i % 4 == 2:
        events.append({"type": "resize", "size": (1024, 768 + i % 10)})
    else:
        events.append({"type": "unknown", "payload": i})

stats = {"clicks": 0, "keys": 0, "shifted": 0, "resizes": 0, "other": 0}
last_click = None
for ev in events:
    match ev:
        case {"type": "click", "pos": [x, y], **rest} if x > 10:
            stats["clicks"] += 1
            last_click = (x, y, rest)
        case {"type": "key", "key": str(k), "mods": ["shift", *_]}:
            stats["shifted"] += 1
        case {"type": "key"}:
            stats["keys"] += 1
        case {"type": "resize", "size": (w, h)}:
            stats["resizes"] += 1
        case _:
            stats["other"] += 1
print(stats, last_click)
del events
