# Highwater recorder: the measured child process.
#
# Run by tools/record.py (and, under the LD_PRELOAD shim, by
# tools/capture_startup.py), never by hand:
#
#     python child.py SCENARIO.py KKKK [SITEDIR ...]   (SITEDIRs only with -S)
#
# It runs the scenario's top-level statements 1..K in this one process,
# measures, prints the raw readings as JSON on stdout and leaves with
# os._exit (so the 800 MB teardown of a big scenario costs nothing).
# record.py starts one fresh process per step, so a measurement never sees
# anything done by an earlier measurement.
#
# The whole file is about one rule: *measuring must not disturb what it
# measures*. Every choice below follows from it.
#
# 1. Everything the measurement needs is made before the scenario starts:
#    ctypes is imported, libc is opened, mallinfo2 is looked up and called
#    once, its result buffer and argument tuple exist. All of that is part of
#    the baseline (the "<start>" step), which is what the simulator is
#    calibrated against, so it is fine for it to allocate. What is not fine
#    is allocating between the scenario's last statement and the readings.
#
# 2. The scenario is compiled as ONE module code object (as `python
#    script.py` would), with a call `__hw_step__(i)` inserted after each
#    top-level statement i (and `__hw_step__(0)` before the first, or after
#    a lead of `from __future__` imports, which must open the module). Every
#    process compiles the same module, so the constants of all statements
#    exist from the start in every step's process and steps are comparable.
#    `__hw_step__` lives in builtins, so the scenario's globals dict does not
#    get an extra key. Calling it allocates nothing: a Python-to-Python call
#    in 3.11 pushes its frame on the thread's data stack, and the small int
#    argument is a cached constant. Running each statement with its own
#    exec() instead would allocate (and free) a function object around every
#    statement (PyEval_EvalCode), which is both a disturbance and a GC tick.
#
# 3. __hw_step__(i) first calls os.sched_yield(). That is a no-allocation
#    syscall that CPython never makes on its own, and it is the marker the
#    LD_PRELOAD shim (tools/native/alloc_shim.c) cuts its log at: the
#    captured start-up is exactly "everything before __hw_step__(0)".
#
# 4. When i == K the readings are taken, in this order, with nothing that
#    can reach glibc or touch a new page in between:
#      a. gc.disable(): a METH_NOARGS call, no allocation. The few pymalloc
#         allocations that follow must not be able to trigger a collection.
#      b. The process stops itself with SIGSTOP (os.kill with a pid and a
#         signal number made beforehand: no allocation). While it is
#         stopped the PARENT reads /proc/PID/statm, /maps and /smaps, then
#         sends SIGCONT. Reading /proc from inside would need a loop of
#         read(2) calls (a seq_file hands out at most one page of text per
#         read), and the Python loop around them would allocate while the
#         maps are being read; from outside, the process cannot change at
#         all while it is read.
#      c. mallinfo2() into a preallocated 10 x size_t array. mallinfo2
#         returns an 80-byte struct, which the x86-64 SysV ABI returns
#         through a hidden pointer passed in %rdi. So we call it as
#         `void f(void *)` with restype None and a byref() made beforehand,
#         through a prebuilt argument tuple (`f(*args)` hands the tuple
#         straight to tp_call): no ctypes result object, no argument tuple,
#         no conversion object is created, and glibc is not called other
#         than for mallinfo2 itself.
#      d. sys._debugmallocstats() (pymalloc's own report; fd 2 is a file
#         the parent gave us). C fprintf to an unbuffered stream; it comes
#         after the glibc and /proc readings in case it allocates.
#      e. gc counters, then everything else (json, output), which may
#         allocate freely. The parent does all the parsing.
#
# 5. gc.collect() runs once at the end of setup, just before
#    __hw_step__(0). A full collection empties every free list (lists,
#    dicts, floats, tuples...) and zeroes the generation counts, so the
#    start state is one the simulator can know exactly instead of whatever
#    start-up left behind. The collection's effect is part of the baseline.
#
# 6. The parent runs this with -S: no site module, so no .pth files, and the
#    start-up does not depend on what happens to be installed in
#    site-packages. (On this machine a .pth that is not part of CPython or
#    NumPy runs an import that frees a 160 KB mmapped buffer, which raises
#    glibc's mmap threshold to 163,840 before any user code runs; see
#    shared/docs/glibc-malloc.md 0.2.) The parent passes the site
#    directories (where numpy lives) as arguments; they are appended to
#    sys.path here, which is all that site would have done for them.
import sys
import os
import gc
import builtins
import _ast
import ctypes

_SCENARIO = sys.argv[1]
_K = int(sys.argv[2])
sys.path.extend(sys.argv[3:])
# What a real `python3 scenario.py`, run from the scenario's folder, sees: the script as given,
# not this child's own arguments (a script may print or parse sys.argv). In place, before the
# start-up reading, so "<start>" includes it.
sys.argv[:] = [os.path.basename(_SCENARIO)]

# ---- readings set up before the scenario (see 4) ----------------------------
_libc = ctypes.CDLL("libc.so.6")
_mallinfo2 = _libc.mallinfo2
_mallinfo2.restype = None  # GetResult returns None: no result object
_mi_buf = (ctypes.c_size_t * 10)()
_mi_args = (ctypes.byref(_mi_buf),)  # prebuilt: f(*args) passes this tuple as is
_mallinfo2(*_mi_args)  # warm-up: any one-time cost of the first call is baseline
_pid = os.getpid()
_SIGSTOP = 19  # signal.SIGSTOP on Linux; a literal spares importing signal
_kill = os.kill
_sched_yield = os.sched_yield
_gc_disable = gc.disable
_debugmallocstats = sys._debugmallocstats


def _finish():
    """Everything after the readings: allowed to allocate."""
    os.write(2, b"\n@@HW-DEBUGMALLOCSTATS@@\n")
    _debugmallocstats()
    os.write(2, b"\n@@HW-END@@\n")
    count = gc.get_count()
    stats = gc.get_stats()
    objects = [len(gc.get_objects(g)) for g in range(3)]
    import json

    numpy = sys.modules.get("numpy")
    out = {
        "k": _K,
        "python": "%d.%d.%d" % sys.version_info[:3],
        "glibc": os.confstr("CS_GNU_LIBC_VERSION"),
        "numpy": getattr(numpy, "__version__", None),
        "mallinfo2": list(_mi_buf),
        "gc": {"count": list(count), "collections": [s["collections"] for s in stats], "objects": objects},
    }
    data = json.dumps(out).encode()
    while data:
        data = data[os.write(1, data):]
    os._exit(0)


def __hw_step__(i):
    _sched_yield()  # the shim's marker (see 3)
    if i != _K:
        return
    _gc_disable()  # a
    _kill(_pid, _SIGSTOP)  # b: the parent reads /proc/PID/* now
    _mallinfo2(*_mi_args)  # c
    _finish()  # d, e


builtins.__hw_step__ = __hw_step__


def _build():
    """Compile the scenario as one module with __hw_step__(i) after each statement."""
    with open(_SCENARIO, "rb") as f:
        src = f.read()
    tree = compile(src, _SCENARIO, "exec", _ast.PyCF_ONLY_AST)

    def step(i, line):
        call = _ast.Call(func=_ast.Name(id="__hw_step__", ctx=_ast.Load()), args=[_ast.Constant(value=i)], keywords=[])
        node = _ast.Expr(value=call)
        for n in (node, call, call.func, call.args[0]):
            n.lineno = n.end_lineno = line
            n.col_offset = n.end_col_offset = 0
        return node

    # future.c lets only a docstring precede `from __future__ import ...`: such a lead stays first
    # and runs before step 0; its own steps follow step 0 at once (eval/script.ts withMarkers).
    b = tree.body
    n = 1 if b and isinstance(b[0], _ast.Expr) and isinstance(b[0].value, _ast.Constant) and isinstance(b[0].value.value, str) else 0
    lead = n
    while lead < len(b) and isinstance(b[lead], _ast.ImportFrom) and b[lead].module == "__future__":
        lead += 1
    lead = lead if lead > n else 0
    body = b[:lead] + [step(0, 1)]
    for i, stmt in enumerate(b, 1):
        if i > lead:
            body.append(stmt)
        body.append(step(i, stmt.end_lineno))
    if _K > len(tree.body):
        raise SystemExit("hw_child: the scenario has only %d statements" % len(tree.body))
    return compile(_ast.Module(body=body, type_ignores=[]), _SCENARIO, "exec")


_code = _build()


# The scenario's globals are a fresh `__main__` module's dict, in sys.modules (pickle saves a class
# by looking it up there), filled as `python script.py` fills its __main__, key by key in the same
# order, so the dict is the same size and resizes at the same insert (the 11th global: 9 keys here):
#   PyModule_NewObject (module_init_dict): __name__, __doc__, __package__, __loader__, __spec__;
#   pylifecycle.c add_main_module: __annotations__ = {}, __builtins__ (and __loader__ =
#     BuiltinImporter, a slot module_init_dict made, replaced below: skipped here);
#   pythonrun.c _PyRun_SimpleFileObject: __file__ (the script's absolute path, as
#     config_run_filename_abspath makes it), __cached__ = None, then set_main_loader:
#     __loader__ = SourceFileLoader('__main__', __file__).
# SourceFileLoader is the class of this child's own __loader__ (it was run as a script itself), so
# nothing is imported. Measured on 3.11.7 (`python script.py`): these 9 keys in this order, __doc__,
# __package__, __spec__ and __cached__ None, __annotations__ {}, sys.getsizeof(globals()) 464 with
# 10 to 20 keys.
_main = type(sys)("__main__")
_ns = _main.__dict__
_ns["__annotations__"] = {}
_ns["__builtins__"] = builtins
_ns["__file__"] = _SCENARIO
_ns["__cached__"] = None
_ns["__loader__"] = type(__loader__)("__main__", _SCENARIO)
sys.modules["__main__"] = _main
gc.collect()  # see 5
exec(_code, _ns)
raise SystemExit("hw_child: step %d was never reached" % _K)
