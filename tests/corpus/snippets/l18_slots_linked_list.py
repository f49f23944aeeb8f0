class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val = val
        self.next = next

head = None
for i in range(100000):
    head = Node(i, head)

def length(n):
    c = 0
    while n:
        c += 1
        n = n.next
    return c

print(length(head))
s = str(head.val) + "," + str(head.next.val)
print(s, repr(type(head).__slots__))
head = None
import sys
print(sys.getsizeof(Node(1)))
