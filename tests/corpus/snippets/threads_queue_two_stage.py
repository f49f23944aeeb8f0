import queue
import threading

raw_q = queue.Queue(maxsize=100)
out_q = queue.Queue()
SENTINEL = None


def producer(n):
    for i in range(n):
        raw_q.put(" ".join(str(i * k) for k in range(20)))
    raw_q.put(SENTINEL)


def parser():
    while True:
        item = raw_q.get()
        if item is SENTINEL:
            out_q.put(SENTINEL)
            break
        out_q.put([int(x) for x in item.split()])


p = threading.Thread(target=producer, args=(20_000,))
c = threading.Thread(target=parser)
p.start()
c.start()
p.join()
c.join()

parsed = []
while True:
    row = out_q.get()
    if row is SENTINEL:
        break
    parsed.append(row)
print(len(parsed), sum(parsed[-1]))
del parsed
