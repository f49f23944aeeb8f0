# Frame objects as scripts read them (3.11): sys._getframe, f_code, f_lineno, f_lasti, f_back,
# f_globals, f_locals (a dict the frame keeps and refreshes), frame.clear(), tb_frame/tb_next/tb_lineno.
import sys


def load(i, scale=2):
    buffer = bytearray(200)
    label = f"r{i}"

    def inner():
        return label

    if i % 3 == 0:
        raise ValueError(f"record {i} is corrupt ({len(buffer)} bytes)")
    return len(buffer) * scale


def running():
    f = sys._getframe()
    g = sys._getframe(1)
    print(f.f_code.co_name, f.f_lineno, g.f_code.co_name, f.f_back is g, f.f_lasti > 0)
    print(sorted(f.f_locals), f.f_globals is globals(), f.f_trace)
    x = 5
    snap = f.f_locals
    print(sorted(f.f_locals), f.f_locals is snap, snap["x"])
    del x
    print(sorted(f.f_locals), "x" in snap)
    try:
        f.clear()
    except RuntimeError as e:
        print("RuntimeError:", e)
    return f


errors = []
for i in range(4):
    try:
        load(i)
    except ValueError as exc:
        errors.append(exc)
print(len(errors))
tb = errors[0].__traceback__
print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next.tb_lineno, tb.tb_next.tb_frame.f_code.co_name)
print(tb.tb_next.tb_next, tb.tb_frame is sys._getframe())
fr = tb.tb_next.tb_frame
print(sorted((k, type(v).__name__) for k, v in fr.f_locals.items()), fr.f_lineno)
print(fr.f_back.f_code.co_name, fr.f_back is tb.tb_frame, fr.f_globals is globals())
co = fr.f_code
print(co.co_name, co.co_qualname, co.co_firstlineno, co.co_varnames, co.co_cellvars, co.co_argcount, co.co_nlocals)
loc = fr.f_locals
print(loc is fr.f_locals, len(loc["buffer"]))
fr.clear()
print(sorted(loc), sorted(fr.f_locals), fr.f_back is tb.tb_frame)
f = running()
print(f.f_code.co_name, sorted(f.f_locals), f.f_back.f_code.co_name, f.f_lineno)
f.clear()
print(sorted(f.f_locals), f.f_back.f_code.co_name)
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
try:
    sys._getframe(5)
except ValueError as e:
    print("ValueError:", e)
def depth():
    n = 0
    f = sys._getframe()
    while f is not None:
        n += 1
        f = f.f_back
    return n
print(depth(), [f.f_code.co_name for f in [sys._getframe()]])
