# queue.Queue used as a plain buffer in one thread (people do this), plus the
# LIFO and priority variants, and the deque people are told to use instead.
import queue
from collections import deque

q = queue.Queue()
for i in range(50_000):
    q.put({"job": i, "args": [i, i + 1]})
print("fifo size:", q.qsize(), "empty?", q.empty())

done = 0
while not q.empty():
    item = q.get_nowait()
    done += item["job"] % 2
    q.task_done()
print("processed odd jobs:", done)

stack = queue.LifoQueue(maxsize=10_000)
for i in range(10_000):
    stack.put(i)
print("full?", stack.full(), "top:", stack.get())
try:
    stack.put_nowait(-1)
    stack.put_nowait(-2)
except queue.Full:
    print("LifoQueue is full")

pq = queue.PriorityQueue()
for i in range(30_000):
    pq.put(((i * 7919) % 1000, f"task-{i}"))
print("highest priority:", pq.get(), pq.get())

buf = deque(maxlen=1_000)
for i in range(100_000):
    buf.append(i)
print("deque keeps", len(buf), buf[0], buf[-1])
del q, stack, pq, buf
