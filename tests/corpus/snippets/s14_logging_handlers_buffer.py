import io
import logging

stream = io.StringIO()
logger = logging.getLogger("ingest")
logger.setLevel(logging.DEBUG)
handler = logging.StreamHandler(stream)
handler.setLevel(logging.INFO)
handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
logger.addHandler(handler)

records = []
for i in range(20000):
    records.append({"id": i, "payload": "p" * (i % 50)})
    if i % 7 == 0:
        logger.warning("record %d has odd size %d", i, len(records[-1]["payload"]))
    else:
        logger.debug("record %d ok", i)

text = stream.getvalue()
print("log lines:", text.count("\n"))
print("first:", text.splitlines()[0])

logger.removeHandler(handler)
handler.close()
del records, text
stream.close()
print("handlers left:", len(logger.handlers))
