lines = []
for i in range(300000):
    lines.append("row %d: %s" % (i, "x" * 30))

print(len(lines))
lines = None
import gc
gc.collect()
print("done")
