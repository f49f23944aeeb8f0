# sys.modules, types.ModuleType, logging.handlers, gzip.GzipFile in write mode, os.rename, io.text_encoding.
import gzip
import io
import logging
import logging.handlers
import os
import queue
import sys
import tempfile
import types

print(type(sys.modules).__name__, "sys" in sys.modules, "gzip" in sys.modules, sys.modules["gzip"] is gzip)
print(sys.modules["__main__"].__name__, sys.modules[__name__].gzip is gzip)
m = types.ModuleType("plugin", "a plugin")
print(m.__name__, m.__doc__, m.__package__, m.__spec__, sorted(vars(m)), repr(m))
m.answer = 42
sys.modules["plugin"] = m
import plugin
print(plugin is m, plugin.answer, sys.modules.pop("plugin") is m, "plugin" in sys.modules)
try:
    types.ModuleType(3)
except TypeError as e:
    print("TypeError:", e)
try:
    m.missing
except AttributeError as e:
    print("AttributeError:", e)
del sys.modules["gzip"]
import gzip as gzip2
print(gzip2 is gzip, "gzip" in sys.modules)

print(io.text_encoding(None), io.text_encoding("utf-8"))
d = tempfile.mkdtemp()
a = os.path.join(d, "a.txt")
b = os.path.join(d, "b.txt")
with open(a, "w") as f:
    f.write("hello")
os.rename(a, b)
print(os.path.exists(a), os.path.exists(b), open(b).read())
try:
    os.rename(a, b)
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror)
with open(b, "a") as f:
    print(f.seek(0, 2), f.tell())

log = logging.getLogger("d14")
log.propagate = False
log.setLevel(logging.DEBUG)
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR)
log.addHandler(mh)
log.info("one %d", 1)
log.info("two")
print(len(mh.buffer), mh.shouldFlush(mh.buffer[0]), mh.buffer[0].getMessage())
target = logging.handlers.BufferingHandler(100)
mh.setTarget(target)
log.error("boom")
print(len(mh.buffer), [r.getMessage() for r in target.buffer])
mh.close()
print(mh.target, len(target.buffer))
log.removeHandler(mh)

q = queue.Queue()
qh = logging.handlers.QueueHandler(q)
log.addHandler(qh)
log.warning("w %s %s", "x", 2)
r = q.get_nowait()
print(r.msg, r.args, r.exc_info, r.message, r.levelname, q.qsize())
log.removeHandler(qh)

path = os.path.join(d, "app.log")
rh = logging.handlers.RotatingFileHandler(path, maxBytes=60, backupCount=2)
rh.setFormatter(logging.Formatter("%(message)s"))
log.addHandler(rh)
for i in range(10):
    log.info("message number %02d", i)
rh.close()
log.removeHandler(rh)
print(sorted(os.listdir(d)), open(path).read().split())
print(logging.handlers.DEFAULT_TCP_LOGGING_PORT, logging.handlers.SYSLOG_UDP_PORT, rh.maxBytes, rh.backupCount, rh.mode)

buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=7) as gz:
    print(gz.write(b"abc" * 100), gz.write(memoryview(b"xyz")), gz.tell(), gz.writable(), gz.readable())
print(gz.closed, buf.getvalue()[:10], len(buf.getvalue()), gzip.decompress(buf.getvalue())[-6:])
gp = os.path.join(d, "data.bin.gz")
with gzip.open(gp, "wb") as g:
    g.write(b"payload")
raw = open(gp, "rb").read()
print(raw[3], raw[10:19], gzip.decompress(raw))
try:
    gzip.open(gp, "rbt")
except ValueError as e:
    print("ValueError:", e)
try:
    gzip.GzipFile(fileobj=io.BytesIO(), mode="wz")
except ValueError as e:
    print("ValueError:", e)
try:
    gz.write(b"late")
except ValueError as e:
    print("ValueError:", e)
