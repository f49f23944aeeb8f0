# title: A deque as a bounded buffer and as a queue
#
# Issue 7: collections.deque. A deque is a chain of 64-slot blocks (528-byte
# allocations: two links and 64 slots, so glibc chunks just above pymalloc's
# 512-byte limit; the deque also keeps up to 16 free blocks for reuse). With maxlen the
# oldest items fall off as new ones come in, so the deque keeps the same
# number of blocks while a million strings pass through. As a FIFO queue,
# popleft frees blocks from the left while append adds them on the right.
from collections import deque

recent = deque(maxlen=10000)
for i in range(1000000):
    recent.append("event %d" % i)

queue = deque()
for i in range(200000):
    queue.append([i, i + 1])
while len(queue) > 1000:
    queue.popleft()

del recent
del queue
