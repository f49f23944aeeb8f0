import logging

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
log = logging.getLogger("app")

def process(items):
    out = []
    for i, item in enumerate(items):
        log.debug("processing %s", item)
        if i % 10000 == 0:
            log.warning("at %d", i)
        out.append(item.upper())
    return out

items = [f"item-{i}" for i in range(50000)]
res = process(items)
print(len(res))
del items, res
