from collections import defaultdict

index = defaultdict(list)
docs = ["the quick brown fox %d jumps over the lazy dog %d" % (i, i % 100) for i in range(100000)]
for doc_id, doc in enumerate(docs):
    for word in doc.split():
        index[word].append(doc_id)

print(len(index), len(index["the"]))
del docs
index.clear()
