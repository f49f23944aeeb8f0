"""A plain-Python PCG64 seeded through SeedSequence, and the ziggurat normal draw, used by
ziggurat_tables.py to check measured tables against Debian's numpy (written for Highwater from
the algorithms' published descriptions; the simulator's own version is src/engine/numpy/random/)."""
import math

M128 = (1 << 128) - 1
M64 = (1 << 64) - 1
M32 = 0xFFFFFFFF
MULT = 0x2360ED051FC65DA44385DF649FCCF645


def _hashmix(v, hc):
    v = (v ^ hc[0]) & M32
    hc[0] = (hc[0] * 0x931E8875) & M32
    v = (v * hc[0]) & M32
    return v ^ (v >> 16)


def _mix(x, y):
    r = (0xCA01F9DD * x - 0x4973F715 * y) & M32
    return r ^ (r >> 16)


def seed_words(seed, n):
    """SeedSequence(seed).generate_state(n, uint32) for a non-negative int seed."""
    ent = []
    while True:
        ent.append(seed & M32)
        seed >>= 32
        if not seed:
            break
    pool, hc = [0] * 4, [0x43B0D7E5]
    for i in range(4):
        pool[i] = _hashmix(ent[i] if i < len(ent) else 0, hc)
    for s in range(4):
        for d in range(4):
            if s != d:
                pool[d] = _mix(pool[d], _hashmix(pool[s], hc))
    for s in range(4, len(ent)):
        for d in range(4):
            pool[d] = _mix(pool[d], _hashmix(ent[s], hc))
    out, h = [], 0x8B51F9DD
    for i in range(n):
        v = (pool[i % 4] ^ h) & M32
        h = (h * 0x58F38DED) & M32
        v = (v * h) & M32
        out.append(v ^ (v >> 16))
    return out


class PCG64:
    def __init__(self, seed):
        w = seed_words(seed, 8)
        u = [w[2 * i] | (w[2 * i + 1] << 32) for i in range(4)]
        self.state, self.inc = 0, (((u[2] << 64) | u[3]) << 1 | 1) & M128
        self.step()
        self.state = (self.state + ((u[0] << 64) | u[1])) & M128
        self.step()

    def step(self):
        self.state = (self.state * MULT + self.inc) & M128

    def next64(self):
        self.step()
        v = ((self.state >> 64) ^ self.state) & M64
        rot = self.state >> 122
        return ((v >> rot) | (v << ((-rot) & 63))) & M64

    def double(self):
        return (self.next64() >> 11) * (1.0 / 9007199254740992.0)


def normals(seed, n, ki, wi, fi, r):
    g, out = PCG64(seed), []
    while len(out) < n:
        u = g.next64()
        idx, u = u & 0xFF, u >> 8
        sign, rabs = u & 1, (u >> 1) & 0x000FFFFFFFFFFFFF
        x = -rabs * wi[idx] if sign else rabs * wi[idx]
        if rabs < ki[idx]:
            out.append(x)
        elif idx == 0:
            while True:
                xx = -(1.0 / r) * math.log1p(-g.double())
                yy = -math.log1p(-g.double())
                if yy + yy > xx * xx:
                    out.append(-(r + xx) if (rabs >> 8) & 1 else r + xx)
                    break
        elif (fi[idx - 1] - fi[idx]) * g.double() + fi[idx] < math.exp(-0.5 * x * x):
            out.append(x)
    return out
