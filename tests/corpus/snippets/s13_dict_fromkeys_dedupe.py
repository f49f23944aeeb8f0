words = [f"w{i % 30000}" for i in range(300000)]
unique = list(dict.fromkeys(words))
print("unique ordered:", len(unique), unique[:3])

shared = dict.fromkeys(unique, [])
shared["w1"].append(1)
print("pitfall, one list:", len(shared["w2"]))

separate = {k: [] for k in unique}
separate["w1"].append(1)
print("separate:", len(separate["w2"]))
del shared
del words
counts = dict.fromkeys(unique, 0)
print("zeros:", sum(counts.values()))
del separate, counts, unique
