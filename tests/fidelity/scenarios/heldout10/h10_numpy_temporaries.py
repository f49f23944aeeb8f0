# python: debian
# title: NumPy expressions that make temporaries, in a loop
#
# Held-out (issue 9): a = a * 2 + b style arithmetic on 1M-float arrays makes
# an 8 MB temporary per operation; the results of some rounds are kept.
import numpy as np

a = np.ones(1000000)
b = np.arange(1000000, dtype=np.float64)
history = []
for step in range(20):
    a = (a * 1.01 + b) / 2.0 - 0.5
    if step % 5 == 0:
        history.append(a.copy())
m = float(a.mean())
del history
del a, b
