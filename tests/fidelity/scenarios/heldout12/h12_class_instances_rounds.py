# title: Rounds of class instances: create, keep a few, drop the rest
#
# Held-out (issue 9): objects people actually allocate are instances of
# their own classes. Five rounds of 40,000 Points; every round keeps one in
# a hundred.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.label = "p" + str(x)


kept = []
for r in range(5):
    pts = [Point(i, i * 2) for i in range(40000)]
    kept.extend(pts[::100])
    del pts
total = sum(p.x for p in kept)
kept = kept[:10]
