import re

text = " ".join(f"user{i}@host{i % 50}.example.com id={i}" for i in range(20000))
patterns = [re.compile(rf"host{k}\.example\.com") for k in range(50)]
hits = [len(p.findall(text)) for p in patterns]
print("hits:", sum(hits))
for k in range(800):
    re.search(rf"id={k}\b", text)
print("searched")
ids = re.findall(r"id=(\d+)", text)
print("ids:", len(ids), ids[-1])
re.purge()
del patterns, ids
del text
