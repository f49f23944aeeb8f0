import logging
import logging.handlers
import queue

# a QueueHandler in front of a slow handler: until a listener drains it, the queue holds
# a formatted copy of every record
records = queue.Queue()
log = logging.getLogger("worker")
log.setLevel(logging.INFO)
log.propagate = False
log.addHandler(logging.handlers.QueueHandler(records))

for i in range(5000):
    log.info("job %d finished with status %s", i, "ok" if i % 9 else "retry")
print("queued:", records.qsize())

first = records.get_nowait()
print(first.msg, first.args, first.message == first.msg)

collected = logging.handlers.BufferingHandler(capacity=10**9)
listener = logging.handlers.QueueListener(records, collected)
listener.start()
listener.stop()
print("drained:", records.qsize(), len(collected.buffer))

collected.buffer.clear()
print(len(collected.buffer))
