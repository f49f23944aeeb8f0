class Node:
    def __init__(self, n):
        self.child = Node(n + 1)


Node(0)
