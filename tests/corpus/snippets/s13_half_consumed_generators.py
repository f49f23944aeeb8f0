def read_batches(n, batch):
    rows = [(i, str(i) * 3) for i in range(n)]
    for start in range(0, n, batch):
        yield rows[start:start + batch]

gens = [read_batches(20000, 1000) for _ in range(15)]
firsts = [next(g) for g in gens]
print("first batch sizes:", sum(len(b) for b in firsts))
del firsts
print("suspended:", sum(1 for g in gens if g.gi_frame is not None))
for g in gens[:10]:
    g.close()
print("after close:", sum(1 for g in gens if g.gi_frame is not None))
del gens
print("gone")
