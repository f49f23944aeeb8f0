class lazy:
    def __init__(self, func):
        self.func = func

    def __set_name__(self, owner, name):
        self.name = name
        owner._lazy_fields = getattr(owner, "_lazy_fields", ()) + (name,)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class Document:
    def __init__(self, text):
        self.text = text

    @lazy
    def words(self):
        return self.text.split()

    @lazy
    def vocabulary(self):
        return set(self.words)


docs = [Document(" ".join(f"w{(i + j) % 500}" for j in range(60))) for i in range(3000)]
print(Document._lazy_fields, "words" in vars(docs[0]))
sizes = [len(d.vocabulary) for d in docs]
print(sum(sizes), "words" in vars(docs[0]), type(Document.words).__name__)
for d in docs:
    del d.__dict__["words"]
print(sum(len(d.__dict__) for d in docs))
del docs
