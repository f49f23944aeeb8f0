from functools import cached_property


class Document:
    def __init__(self, text):
        self.text = text

    @cached_property
    def words(self):
        return self.text.split()

    @property
    def length(self):
        return len(self.text)


docs = [Document("lorem ipsum dolor sit amet " * 20) for _ in range(10000)]
total = sum(len(d.words) for d in docs)  # every doc now keeps its word list
print(total, docs[0].length, "words" in vars(docs[0]))
for d in docs:
    del d.words
print("words" in vars(docs[0]))
