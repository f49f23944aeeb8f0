import queue
from collections import deque

jobs = queue.Queue()
for i in range(50000):
    jobs.put({"id": i, "payload": "x" * 40})
print("queued:", jobs.qsize())

history = deque(maxlen=1000)
done = 0
while not jobs.empty():
    job = jobs.get()
    history.append(job)
    done += 1
    jobs.task_done()
print("done:", done, "history:", len(history), history[0]["id"])
del job
recent = list(history)
history.clear()
print("recent kept:", len(recent))
del recent, jobs
