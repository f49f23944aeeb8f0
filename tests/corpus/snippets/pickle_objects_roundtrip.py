# Cache a list of objects to bytes with pickle and load it back.
import pickle

class Record:
    def __init__(self, id, name, tags):
        self.id = id
        self.name = name
        self.tags = tags

    def __repr__(self):
        return f"Record({self.id}, {self.name!r}, {self.tags})"

records = [Record(i, f"user{i}", ["a", "b"] if i % 2 else []) for i in range(30000)]
blob = pickle.dumps(records)
print(len(blob), "bytes")

restored = pickle.loads(blob)
print(len(restored), restored[0], restored[-1])
del blob
del records
print(sum(r.id for r in restored))
del restored
