import functools

HANDLERS = {}


def handles(*kinds, priority=0):
    def register(func):
        @functools.wraps(func)
        def wrapper(event):
            wrapper.calls += 1
            return func(event)
        wrapper.calls = 0
        for kind in kinds:
            HANDLERS.setdefault(kind, []).append((priority, wrapper))
            HANDLERS[kind].sort(key=lambda pair: -pair[0])
        return wrapper
    return register


@handles("click", "tap", priority=5)
def track_touch(event):
    return {"pos": (event["x"], event["y"])}


@handles("click")
def log_click(event):
    return f"click at {event['x']},{event['y']}"


@handles("scroll", priority=1)
def track_scroll(event):
    return event["dy"] * 2


def dispatch(event):
    return [h(event) for _, h in HANDLERS.get(event["kind"], [])]


results = []
for i in range(30000):
    kind = ("click", "tap", "scroll", "key")[i % 4]
    results.append(dispatch({"kind": kind, "x": i, "y": -i, "dy": i % 11}))
print(len(results), results[0], results[2], results[3])
print({k: [h.__name__ for _, h in v] for k, v in HANDLERS.items()})
print(track_touch.calls, log_click.calls, track_scroll.calls, track_touch.__wrapped__.__name__)
del results
