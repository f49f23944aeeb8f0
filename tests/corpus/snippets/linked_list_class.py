class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def __iter__(self):
        node = self.head
        while node is not None:
            yield node.value
            node = node.next

    def __len__(self):
        return self.size


ll = LinkedList()
for i in range(200000):
    ll.push(i * 2)

print(len(ll), sum(ll))
evens = [v for v in ll if v % 4 == 0]
print(len(evens))
ll.head = None
print("cleared")
del evens
