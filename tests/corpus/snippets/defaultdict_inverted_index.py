from collections import defaultdict

vocabulary = ["memory", "python", "heap", "arena", "pool", "block", "chunk", "free", "list", "dict",
              "page", "rss", "trim", "brk", "mmap", "object", "leak", "cache", "string", "tuple"]

documents = {}
for doc_id in range(20_000):
    words = [vocabulary[(doc_id * k + k * k) % len(vocabulary)] for k in range(1, 31)]
    documents[doc_id] = " ".join(words)

index = defaultdict(list)
for doc_id, text in documents.items():
    for position, word in enumerate(text.split()):
        index[word].append((doc_id, position))

print(len(index), len(index["heap"]))


def search(*terms):
    sets = [{d for d, _ in index[t]} for t in terms]
    return set.intersection(*sets) if sets else set()


hits = search("heap", "trim", "brk")
print(len(hits))

positions = defaultdict(set)
for word, postings in index.items():
    positions[len(word)].update(d for d, _ in postings)
print(sorted((k, len(v)) for k, v in positions.items()))

del documents
index.clear()
