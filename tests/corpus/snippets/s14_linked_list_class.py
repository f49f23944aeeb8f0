class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self._len = 0
        for v in reversed(list(iterable)):
            self.push(v)

    def push(self, value):
        self.head = Node(value, self.head)
        self._len += 1

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __len__(self):
        return self._len

    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev


ll = LinkedList(range(200000))
print(len(ll), list(ll)[:3])
ll.reverse()
print(next(iter(ll)), sum(ll))

evens = LinkedList(v for v in ll if v % 2 == 0)
print(len(evens))
ll.head = None
print("dropped head")
del ll, evens
print("done")
