import io
import logging

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(levelname)-8s %(name)s: %(message)s"))


class OnlyEven(logging.Filter):
    def filter(self, record):
        return getattr(record, "req", 0) % 2 == 0


log = logging.getLogger("app.requests")
log.setLevel(logging.DEBUG)
log.addHandler(handler)
log.propagate = False

adapter = logging.LoggerAdapter(log, {"req": 0})
for i in range(5000):
    adapter.extra["req"] = i
    if i % 100 == 0:
        log.warning("slow request %d took %.1f ms", i, i / 10)
    else:
        log.debug("request %s ok", i)
print(len(stream.getvalue().splitlines()))
print(stream.getvalue().splitlines()[100])

handler.addFilter(OnlyEven())
stream.seek(0)
stream.truncate()
for i in range(1000):
    log.info("filtered %d", i, extra={"req": i})
print(len(stream.getvalue().splitlines()))

records = []


class ListHandler(logging.Handler):
    def emit(self, record):
        records.append(self.format(record))


lh = ListHandler(level=logging.ERROR)
lh.setFormatter(logging.Formatter("[{levelname}] {message}", style="{"))
log.addHandler(lh)
for i in range(3000):
    log.error("failure %s", i)
print(len(records), records[0], logging.getLevelName(logging.ERROR))
log.removeHandler(lh)
records.clear()
