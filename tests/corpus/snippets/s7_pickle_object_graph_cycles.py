import pickle


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


root = Node("root")
for i in range(300):
    branch = root.add(Node(f"b{i}"))
    for j in range(30):
        branch.add(Node(f"b{i}.{j}"))

blobs = {proto: pickle.dumps(root, protocol=proto) for proto in (2, 4, 5)}
print({p: len(b) for p, b in blobs.items()})
clone = pickle.loads(blobs[5])
print(clone.children[3].children[4].parent is clone.children[3], clone.children[3].parent is clone)
print(len(clone.children), clone.children[-1].children[-1].name)
shared = [1, 2, 3]
pair = pickle.loads(pickle.dumps((shared, shared)))
print(pair[0] is pair[1])
try:
    pickle.dumps(lambda x: x)
except (pickle.PicklingError, AttributeError) as e:
    print(type(e).__name__)
del root, clone, blobs
