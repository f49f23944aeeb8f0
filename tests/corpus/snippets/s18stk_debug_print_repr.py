# Debug printing inside __repr__: every node prints its children while being printed, so the
# recursion goes through print() -> str() -> __repr__ -> print() ...
import sys


class Node:
    def __init__(self, value, next_node=None):
        self.value = value
        self.next = next_node
        self.payload = [value] * 20

    def __repr__(self):
        if self.next is not None:
            print(self.next, end=" ")
        return f"N{self.value}"


head = None
for v in range(300):
    head = Node(v, head)
print(head)

for v in range(300, 800):
    head = Node(v, head)
try:
    print(head)
except RecursionError as e:
    print()
    print("too deep:", e)

sys.setrecursionlimit(4000)
print(head)
del head
