class Particle:
    __slots__ = ("x", "y", "vx", "vy", "alive")

    def __init__(self):
        self.x = self.y = self.vx = self.vy = 0.0
        self.alive = False

class ParticlePool:
    def __init__(self):
        self.free = []
        self.created = 0

    def acquire(self, x, y):
        if self.free:
            p = self.free.pop()
        else:
            p = Particle()
            self.created += 1
        p.x, p.y, p.vx, p.vy, p.alive = x, y, 1.0, -1.0, True
        return p

    def release(self, p):
        p.alive = False
        self.free.append(p)

pool = ParticlePool()
active = []
for frame in range(200):
    for i in range(500):
        active.append(pool.acquire(float(i), float(frame)))
    if len(active) > 20000:
        for p in active[:10000]:
            pool.release(p)
        del active[:10000]
print("created:", pool.created, "free:", len(pool.free), "active:", len(active))
del active
pool.free.clear()
print("pool emptied:", len(pool.free))
del pool
