import logging


class ListHandler(logging.Handler):
    """Keeps every record it sees: handy in tests, a leak in a service."""

    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


log = logging.getLogger("orders")
log.setLevel(logging.DEBUG)
handler = ListHandler()
log.addHandler(handler)
log.propagate = False

for order_id in range(20000):
    log.info("processing order %d for %s", order_id, "customer-%d" % (order_id % 97))
    if order_id % 1000 == 0:
        log.warning("slow order %d", order_id)

print(len(handler.records), "records held")
print(handler.records[-1].getMessage())

messages = [handler.format(r) for r in handler.records[:5000]]
handler.records.clear()
print(len(messages))
