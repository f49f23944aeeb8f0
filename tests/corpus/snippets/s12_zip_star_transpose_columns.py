rows = [(i, f"name{i}", i * 1.5, i % 2 == 0) for i in range(50000)]
ids, names, scores, flags = zip(*rows)
print(len(ids), names[:2], type(scores).__name__)
columns = dict(zip(("id", "name", "score", "flag"), map(list, zip(*rows))))
print(list(columns), len(columns["score"]))
back = list(zip(*columns.values()))
print(back[3] == rows[3], len(back))
pairs = list(zip(ids, ids[1:]))
print(pairs[:2], len(pairs))
del rows, back
del ids, names, scores, flags
print(sum(columns["flag"]))
del columns, pairs
