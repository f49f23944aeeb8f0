class Node:
    def __init__(self, key, left=None, right=None):
        self.key = key
        self.left = left
        self.right = right
    def __iter__(self):
        if self.left:
            yield from self.left
        yield self.key
        if self.right:
            yield from self.right

def build(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build(lo, mid - 1), build(mid + 1, hi))

root = build(0, 99_999)
it = iter(root)
first = [next(it) for _ in range(5)]
print(first)
total = sum(root)
print(total)
depth = 0
n = root
while n:
    depth += 1
    n = n.left
print("depth", depth)
del it
del root
print("done")
