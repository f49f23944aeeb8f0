# A category tree printed with a recursive __str__ built from f-strings: fine for a few hundred
# levels, then the default recursion limit (1000) stops it; raising the limit lets it through.
import sys


class Category:
    def __init__(self, name, parent=None):
        self.name = name
        self.children = []
        if parent is not None:
            parent.children.append(self)

    def __str__(self):
        inner = "".join(f" {child}" for child in self.children)
        return f"({self.name}{inner})"


root = Category("root")
for i in range(40):
    branch = Category(f"branch{i}", root)
    for j in range(25):
        Category(f"leaf{i}-{j}", branch)
text = str(root)
print(len(text), text[:60])

node = root
for depth in range(600):
    node = Category(f"d{depth}", node)
try:
    deep_text = str(root)
except RecursionError as e:
    deep_text = None
    print("RecursionError:", e)

sys.setrecursionlimit(20000)
deep_text = str(root)
print(len(deep_text))
del text, deep_text
