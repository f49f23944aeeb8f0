class Particle:
    __slots__ = ("x", "y", "vx", "vy", "alive")

    def reset(self, x, y, vx, vy):
        self.x, self.y, self.vx, self.vy = x, y, vx, vy
        self.alive = True
        return self


class ParticlePool:
    def __init__(self):
        self.free = []
        self.created = 0

    def acquire(self, *args):
        if self.free:
            return self.free.pop().reset(*args)
        self.created += 1
        return Particle().reset(*args)

    def release(self, p):
        p.alive = False
        self.free.append(p)


pool = ParticlePool()
active = []
for frame in range(200):
    for i in range(300):
        active.append(pool.acquire(float(i), float(frame), 1.5, -0.5))
    still = []
    for p in active:
        p.x += p.vx
        p.y += p.vy
        if p.y < frame - 3:
            pool.release(p)
        else:
            still.append(p)
    active = still
print("active:", len(active), "free:", len(pool.free), "created:", pool.created)
active.clear()
pool.free.clear()
print("after clear:", len(pool.free))
naive = [Particle().reset(1.0, 2.0, 3.0, 4.0) for _ in range(100000)]
print(len(naive))
del naive
