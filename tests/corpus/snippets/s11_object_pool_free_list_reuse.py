class Particle:
    __slots__ = ("x", "y", "vx", "vy", "alive")

    def reset(self, x, y, vx, vy):
        self.x, self.y, self.vx, self.vy = x, y, vx, vy
        self.alive = True
        return self

class Pool:
    def __init__(self):
        self.free = []
        self.created = 0

    def acquire(self, *args):
        if self.free:
            p = self.free.pop()
        else:
            p = Particle()
            self.created += 1
        return p.reset(*args)

    def release(self, p):
        p.alive = False
        self.free.append(p)

pool = Pool()
live = []
ids = set()
for frame in range(300):
    for k in range(100):
        p = pool.acquire(frame, k, 1.0, -1.0)
        ids.add(id(p))
        live.append(p)
    survivors = []
    for p in live:
        p.x += p.vx
        if p.x - p.y > 40:
            pool.release(p)
        else:
            survivors.append(p)
    live = survivors
print(pool.created, len(pool.free), len(live), len(ids))
pool.free.clear()
print(pool.created - len(live))
