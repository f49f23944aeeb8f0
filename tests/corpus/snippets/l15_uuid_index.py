import uuid, hashlib, base64, random
random.seed(1)
index = {}
for i in range(30000):
    u = uuid.UUID(int=random.getrandbits(128), version=4)
    key = str(u)
    digest = hashlib.sha256(key.encode()).digest()
    index[key] = base64.b64encode(digest[:12]).decode()
print(len(index), next(iter(index)))
short = {v: k for k, v in index.items()}
del index
print(len(short))
short.clear()
