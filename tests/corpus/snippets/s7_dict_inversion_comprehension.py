from collections import defaultdict

codes = {f"key{i}": i % 5000 for i in range(100000)}
inverted_lossy = {v: k for k, v in codes.items()}
print(len(codes), len(inverted_lossy), inverted_lossy[42])

inverted = defaultdict(list)
for k, v in codes.items():
    inverted[v].append(k)
print(len(inverted), inverted[42][:3], max(len(v) for v in inverted.values()))

unique = {f"id{i}": f"name{i}" for i in range(50000)}
back = dict(zip(unique.values(), unique.keys()))
print(back["name7"], len(back))
swapped = dict(map(reversed, unique.items()))
print(swapped == back)
filtered = {k: v for k, v in codes.items() if v % 1000 == 0}
print(len(filtered))
del codes, inverted, inverted_lossy
