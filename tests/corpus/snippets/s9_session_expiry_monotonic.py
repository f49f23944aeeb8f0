import time

TTL = 0.05
sessions = {}


def login(user_id):
    token = f"tok-{user_id:06d}"
    sessions[token] = {"user": user_id, "seen": time.monotonic(), "cart": [user_id] * 20}
    return token


def touch(token):
    s = sessions.get(token)
    if s is not None:
        s["seen"] = time.monotonic()
    return s is not None


def expire(now=None):
    now = time.monotonic() if now is None else now
    dead = [t for t, s in sessions.items() if now - s["seen"] > TTL]
    for t in dead:
        del sessions[t]
    return len(dead)


tokens = [login(i) for i in range(30000)]
print(len(sessions))
time.sleep(0.1)
kept = sum(touch(t) for t in tokens[::10])
print("touched", kept)
removed = expire()
print("expired", removed, "left", len(sessions))
print(sorted(sessions)[:3])
removed = expire(time.monotonic() + 1)
print("expired", removed, "left", len(sessions))
tokens.clear()
print(sessions, len(tokens))
