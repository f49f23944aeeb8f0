import queue
from collections import deque

jobs = queue.Queue(maxsize=0)
for i in range(20000):
    jobs.put({"id": i, "payload": "x" * (i % 100)})
print(jobs.qsize(), jobs.empty())

done = deque(maxlen=1000)
processed = 0
while not jobs.empty():
    job = jobs.get()
    done.append((job["id"], len(job["payload"])))
    processed += 1
    jobs.task_done()
print(processed, len(done), done[0], done[-1])

try:
    jobs.get_nowait()
except queue.Empty:
    print("empty queue")

window = deque()
totals = []
for i in range(30000):
    window.append(i)
    if len(window) > 50:
        window.popleft()
    totals.append(sum(window) if i % 100 == 0 else None)
print(len(window), [t for t in totals if t][:3])
window.rotate(5)
print(window[0], window.count(29999))
del totals
