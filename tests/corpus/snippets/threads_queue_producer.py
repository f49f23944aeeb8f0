import queue
import threading

q = queue.Queue(maxsize=1000)
consumed = []


def producer():
    for i in range(100000):
        q.put(bytes(600))
    q.put(None)


def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        consumed.append(len(item))


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print(len(consumed))
