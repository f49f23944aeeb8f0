# title: Self-referencing lists and a gc threshold change
import gc

gc.set_threshold(5000, 10, 10)
keep = []
for i in range(100000):
    l = [i, "x" * 30]
    l.append(l)
    if i % 100 == 0:
        keep.append(l)
del l
collected = gc.collect()
keep.clear()
after = gc.collect()
gc.set_threshold(700, 10, 10)
