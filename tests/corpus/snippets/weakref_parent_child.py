import weakref


class TreeNode:
    def __init__(self, name, parent=None):
        self.name = name
        self._parent = weakref.ref(parent) if parent else None
        self.children = []
        if parent:
            parent.children.append(self)

    @property
    def parent(self):
        return self._parent() if self._parent else None


root = TreeNode("root")
for i in range(300):
    branch = TreeNode(f"b{i}", root)
    for j in range(300):
        TreeNode(f"leaf{i}-{j}", branch)

print(len(root.children), root.children[5].children[7].parent.name)
del root, branch
