import logging
import logging.handlers
import io

stream = io.StringIO()
target = logging.StreamHandler(stream)
target.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))

buffered = logging.handlers.MemoryHandler(capacity=100000, flushLevel=logging.CRITICAL, target=target)
log = logging.getLogger("ingest")
log.setLevel(logging.DEBUG)
log.addHandler(buffered)
log.propagate = False

for i in range(30000):
    log.info("processed record %d with payload %s", i, "x" * 20)

print("buffered records:", len(buffered.buffer))
print("written so far:", len(stream.getvalue()))

buffered.flush()
print("after flush:", len(buffered.buffer), len(stream.getvalue()))

for i in range(5000):
    log.debug("debug %d", i)
log.critical("boom")
print(len(buffered.buffer))

text = stream.getvalue()
print(text.count("\n"))
log.removeHandler(buffered)
buffered.close()
del text
stream.close()
