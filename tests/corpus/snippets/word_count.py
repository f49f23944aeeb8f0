import random

random.seed(42)
vocab = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"] + [f"w{i}" for i in range(5000)]
text = " ".join(random.choice(vocab) for _ in range(400000))

counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1

top = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:10]
print(top[:3])
del text
