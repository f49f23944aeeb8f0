class Resource:
    live = 0
    def __init__(self, size):
        self.buf = bytearray(size)
        Resource.live += 1
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.buf = None
        Resource.live -= 1
        return False

for i in range(100):
    with Resource(1 << 20) as r:
        r.buf[0] = 1
print(Resource.live)
try:
    with Resource(10 << 20) as r:
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
keep = [Resource(200000) for _ in range(50)]
print(sum(len(k.buf) for k in keep))
del keep
