import random
import math

random.seed(42)

N_PARTICLES = 2000
STEPS = 200


def simulate(n, steps):
    positions = [[0.0, 0.0] for _ in range(n)]
    history = []
    for step in range(steps):
        for p in positions:
            angle = random.uniform(0, 2 * math.pi)
            p[0] += math.cos(angle)
            p[1] += math.sin(angle)
        if step % 20 == 0:
            history.append([tuple(p) for p in positions])
    return positions, history


positions, history = simulate(N_PARTICLES, STEPS)
dists = [math.hypot(x, y) for x, y in positions]
print("snapshots:", len(history))
print("mean distance: %.3f" % (sum(dists) / len(dists)))
print("max distance: %.3f" % max(dists))
print("expected ~ %.3f" % math.sqrt(STEPS * math.pi / 4))

del history
print("kept", len(positions), "positions")
