# title: Doubly linked lists left behind for the automatic collector
class Link:
    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None


def build(n):
    head = Link(0)
    cur = head
    for i in range(1, n):
        nxt = Link(i)
        cur.next = nxt
        nxt.prev = cur
        cur = nxt
    return head


total = 0
for k in range(300):
    chain = build(500)
    total += chain.next.value
chain = None
import gc

unreachable = gc.collect()
