"""The real side of the clock's calibration (README.md): each case of cases.json run under this
interpreter, setup then statement in one namespace, the statement's CPU time (process_time) and
wall time, best of N. Each run is a fresh interpreter (python -c): a second run in the same
process would reuse the memory the first one freed and pay no page faults.
Prints JSON: {label: {"cpu_ms":, "wall_ms":}}."""
import json, os, subprocess, sys

N = int(os.environ.get("HW_RUNS", "3"))
cases = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")))
CHILD = r"""
import json, sys, time
setup, stmt = json.loads(sys.argv[1])
g = {}
exec(setup, g)
c0, w0 = time.process_time(), time.perf_counter()
exec(stmt, g)
print(json.dumps([time.process_time() - c0, time.perf_counter() - w0]))
"""
out = {}
for label, setup, stmt in cases:
    cpu = wall = None
    for _ in range(N):
        r = subprocess.run(
            [sys.executable, "-c", CHILD, json.dumps([setup, stmt])], capture_output=True, text=True, check=True
        )
        c, w = json.loads(r.stdout)
        cpu = c if cpu is None else min(cpu, c)
        wall = w if wall is None else min(wall, w)
    out[label] = {"cpu_ms": round(cpu * 1e3, 1), "wall_ms": round(wall * 1e3, 1)}
    print(label, out[label], file=sys.stderr, flush=True)
print(json.dumps(out, indent=1))
