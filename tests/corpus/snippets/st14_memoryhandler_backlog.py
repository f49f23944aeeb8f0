import logging
import logging.handlers

# a MemoryHandler with no target and a high flush level: every record waits in its buffer
log = logging.getLogger("ingest")
log.setLevel(logging.DEBUG)
log.propagate = False
backlog = logging.handlers.MemoryHandler(capacity=50000, flushLevel=logging.CRITICAL)
log.addHandler(backlog)

for i in range(20000):
    log.debug("row %d parsed, %d fields", i, i % 17)
print("buffered:", len(backlog.buffer))
print(backlog.buffer[-1].getMessage(), backlog.buffer[-1].levelname)

# give it a target: flush() hands every record to it, then clears the list
sink = logging.handlers.BufferingHandler(capacity=10**9)
backlog.setTarget(sink)
backlog.flush()
print("after flush:", len(backlog.buffer), len(sink.buffer))

sink.buffer.clear()
print("sink cleared:", len(sink.buffer))
backlog.close()
log.removeHandler(backlog)
