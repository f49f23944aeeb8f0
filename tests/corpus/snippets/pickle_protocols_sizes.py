import pickle

data = {
    "users": [{"id": i, "name": f"user{i}", "score": i * 0.5, "tags": ("a", "b")} for i in range(10_000)],
    "index": {f"user{i}": i for i in range(10_000)},
    "blob": bytes(range(256)) * 100,
}

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    payload = pickle.dumps(data, protocol=proto)
    back = pickle.loads(payload)
    assert back == data
    print(f"protocol {proto}: {len(payload):>9,} bytes")

payload = pickle.dumps(data)
print("default protocol", pickle.DEFAULT_PROTOCOL, len(payload))
copies = [pickle.loads(payload) for _ in range(3)]
print(copies[0]["users"][5], copies[1] is copies[2])
del copies, payload
