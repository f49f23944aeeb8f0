import logging
import os
import tempfile
from logging.handlers import RotatingFileHandler

workdir = tempfile.mkdtemp()
path = os.path.join(workdir, "service.log")

handler = RotatingFileHandler(path, maxBytes=20000, backupCount=3)
handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
log = logging.getLogger("service")
log.setLevel(logging.INFO)
log.addHandler(handler)

for i in range(3000):
    log.info("request %d served in %d ms", i, (i * 7) % 250)

names = sorted(os.listdir(workdir))
print(names)
print([os.path.getsize(os.path.join(workdir, n)) < 20000 for n in names])

handler.close()
log.removeHandler(handler)
with open(path) as f:
    last = f.read().splitlines()[-1]
print(last)
