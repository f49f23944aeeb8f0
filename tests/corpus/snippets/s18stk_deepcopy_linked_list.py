# copy.deepcopy of a singly linked list recurses once per node (through __reduce_ex__,
# _reconstruct and the instance dict), so a long list hits RecursionError long before 1000 nodes.
import copy
import sys


class ListNode:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt


def build(n):
    head = None
    for i in range(n):
        head = ListNode(i, head)
    return head


short = build(100)
short_copy = copy.deepcopy(short)

long_list = build(2000)
try:
    long_copy = copy.deepcopy(long_list)
except RecursionError as e:
    long_copy = None
    print("deepcopy failed:", e)

sys.setrecursionlimit(12000)
long_copy = copy.deepcopy(long_list)
count = 0
node = long_copy
while node is not None:
    count += 1
    node = node.next
print(count)
del long_list, long_copy
