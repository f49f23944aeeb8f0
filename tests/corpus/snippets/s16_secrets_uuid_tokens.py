import secrets
import uuid

sessions = {}
for i in range(40000):
    token = secrets.token_hex(16)
    sessions[token] = {"user": i, "id": uuid.uuid4()}
print(len(sessions))

some = next(iter(sessions.values()))
print(len(str(some["id"])), some["id"].version)

url_tokens = [secrets.token_urlsafe(24) for _ in range(20000)]
print(len(set(url_tokens)), len(url_tokens[0]))

ids = [uuid.uuid5(uuid.NAMESPACE_DNS, f"host{i}.example.com") for i in range(20000)]
print(ids[0], ids[0] == uuid.uuid5(uuid.NAMESPACE_DNS, "host0.example.com"))

strs = [u.hex for u in ids]
print(len(strs[0]))

expired = [t for t, s in sessions.items() if s["user"] % 2]
for t in expired:
    del sessions[t]
print("left:", len(sessions))
del expired, url_tokens, ids, strs
sessions.clear()
