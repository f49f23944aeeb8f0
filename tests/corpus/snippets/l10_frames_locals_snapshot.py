import sys


def handler(n):
    rows = [str(i) * 10 for i in range(n)]
    frame = sys._getframe()
    snapshot = frame.f_locals
    return frame, len(snapshot["rows"])


kept = []
for i in range(30):
    frame, count = handler(5000)
    kept.append(frame)
print(len(kept), count, kept[0].f_code.co_name, kept[0].f_lineno)
print(sorted(kept[0].f_locals))
snapshot_rows = kept[0].f_locals["rows"]
for f in kept:
    f.clear()
print(sorted(kept[0].f_locals), len(snapshot_rows))
del kept, frame
print(sys._getframe().f_code.co_name)
