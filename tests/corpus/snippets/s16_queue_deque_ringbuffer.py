import queue
from collections import deque

q = queue.Queue()
for i in range(100000):
    q.put((i, f"job-{i}"))
print("queued:", q.qsize())

done = []
while not q.empty():
    item = q.get()
    if item[0] % 10 == 0:
        done.append(item)
    q.task_done()
print("done:", len(done))

ring = deque(maxlen=1000)
for i in range(200000):
    ring.append([i] * 5)
print(len(ring), ring[0][0], ring[-1][0])

history = deque()
for i in range(100000):
    history.append(i)
    if len(history) > 5000:
        history.popleft()
print(len(history), history[0])

lifo = queue.LifoQueue(maxsize=50000)
for i in range(50000):
    lifo.put_nowait(i)
try:
    lifo.put_nowait(1)
except queue.Full:
    print("full")
print(lifo.get())
del done, ring, history, lifo
