import functools
import gc

class Document:
    def __init__(self, name, words):
        self.name = name
        self.words = words

    @functools.cache
    def word_length(self, i):
        return len(self.words[i])

docs = [Document(f"doc{i}", ["w" * (i % 13 + 1) for _ in range(2000)]) for i in range(60)]
lengths = sum(d.word_length(j) for d in docs for j in range(0, 2000, 4))
print("sum of lengths:", lengths)
print(Document.word_length.cache_info())
del docs
gc.collect()
print("still cached:", Document.word_length.cache_info().currsize)
Document.word_length.cache_clear()
print("after clear:", Document.word_length.cache_info().currsize)
