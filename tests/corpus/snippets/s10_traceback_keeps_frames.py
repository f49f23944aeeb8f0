import sys
import traceback

saved = []


def parse(record):
    scratch = [record] * 5000
    if record % 10 == 0:
        raise ValueError(f"bad record {record}")
    return len(scratch)


def process(batch):
    for r in batch:
        try:
            parse(r)
        except ValueError as exc:
            saved.append(exc)


process(range(2000))
print(len(saved))
tb = saved[0].__traceback__
frames = []
while tb is not None:
    frames.append(tb.tb_frame.f_code.co_name)
    tb = tb.tb_next
print(frames)
print(len(saved[3].__traceback__.tb_next.tb_frame.f_locals["scratch"]))
summary = traceback.extract_tb(saved[0].__traceback__)
print(len(summary), summary[-1].name, summary[-1].line)
print(traceback.format_exception_only(type(saved[1]), saved[1]))
for e in saved:
    e.__traceback__ = None
print(saved[0].__traceback__, str(saved[-1]))
try:
    parse(30)
except ValueError:
    info = sys.exc_info()
print(info[0].__name__, info[2].tb_frame.f_code.co_name)
del info, saved
