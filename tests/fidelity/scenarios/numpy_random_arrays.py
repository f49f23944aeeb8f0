# title: random arrays and what they cost
#
# A seeded Generator (PCG64) fills a 10-million-element array: every page of
# its 80 MB buffer is written, so all of it is resident at once. The legacy
# np.random functions do the same on the module's MT19937. Ten thousand small
# random arrays go into pymalloc and glibc's heap instead of mmaps.
import numpy as np
rng = np.random.default_rng(42)
x = rng.random(10_000_000)
y = rng.standard_normal(2_000_000)
np.random.seed(0)
z = np.random.rand(1000, 1000)
small = [rng.random(100) for _ in range(10000)]
del x, y
del z, small
