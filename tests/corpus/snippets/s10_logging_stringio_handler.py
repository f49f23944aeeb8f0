import io
import logging

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
log = logging.getLogger("worker")
log.addHandler(handler)
log.setLevel(logging.INFO)
log.propagate = False

for i in range(5000):
    if i % 100 == 0:
        log.warning("slow batch %d took %.1f ms", i, i / 10)
    elif i % 3 == 0:
        log.info("processed item %s", i)
    else:
        log.debug("skipped %d", i)

text = stream.getvalue()
lines = text.splitlines()
print(len(text), len(lines), lines[0], lines[-1])
print(sum(1 for ln in lines if ln.startswith("WARNING")))
child = logging.getLogger("worker.db")
child.error("connection lost: %s", "timeout")
print(stream.getvalue().splitlines()[-1])
stream.seek(0)
stream.truncate()
log.info("after reset")
print(repr(stream.getvalue()))
log.removeHandler(handler)
del text, lines
