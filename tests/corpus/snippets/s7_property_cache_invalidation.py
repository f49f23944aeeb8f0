class Document:
    def __init__(self, text):
        self._text = text
        self._words = None

    @property
    def text(self):
        return self._text

    @text.setter
    def text(self, value):
        self._text = value
        self._words = None

    @property
    def words(self):
        if self._words is None:
            self._words = self._text.split()
        return self._words

    @property
    def word_count(self):
        return len(self.words)


docs = [Document(" ".join(f"w{j}" for j in range(i % 50, i % 50 + 100))) for i in range(3000)]
print(sum(d.word_count for d in docs))
cached = sum(d._words is not None for d in docs)
print("cached:", cached)
for d in docs[::3]:
    d.text = d.text.upper()
print("cached after edit:", sum(d._words is not None for d in docs))
print(docs[0].words[:3], docs[3].words[:2])
try:
    docs[0].word_count = 5
except AttributeError as e:
    print("AttributeError:", e)
print(type(Document.words).__name__, Document.text.fset is not None)
del docs
