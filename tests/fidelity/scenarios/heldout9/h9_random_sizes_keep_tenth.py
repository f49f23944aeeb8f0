# title: Strings of random lengths, every tenth kept
#
# Held-out (issue 9): 80,000 strings of 1 to 6,000 characters in a seeded
# random order; keep every tenth one, drop the rest, wait, drop the survivors.
import random
import time

random.seed(7)
texts = ["z" * random.randint(1, 6000) for _ in range(80000)]
kept = texts[::10]
del texts
time.sleep(1.5)
del kept
