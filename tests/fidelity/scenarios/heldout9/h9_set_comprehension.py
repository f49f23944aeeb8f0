# title: A big set and a filtered copy
#
# Held-out (issue 9): a set of 400,000 ints, a set comprehension keeping a
# seventh of them, the big one dropped, a pause, then the copy.
import time

s = set(range(400000))
multiples = {x for x in s if x % 7 == 0}
del s
time.sleep(1)
del multiples
