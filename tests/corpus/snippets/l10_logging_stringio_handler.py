import logging, io
stream = io.StringIO()
log = logging.getLogger("app")
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
log.addHandler(h)
log.setLevel(logging.INFO)
records = []
for i in range(20000):
    log.info("processing item %d of %s", i, "batch")
    if i % 5000 == 0:
        log.warning("checkpoint %s", i)
print(len(stream.getvalue()))
print(stream.getvalue().splitlines()[:3])
