"""The real side of the per-instruction charges (src/engine/python/eval/opcosts.ts): each loop body
of opcases.json run N times inside a function (locals, as a worker's loop), its CPU time per
iteration (process_time, best of R), in ns. The simulated side: opcost.ts.

    /root/.pyenv/versions/3.11.7/bin/python3.11 tools/clock/opcost.py [R] > /tmp/op-real.json
"""
import json, os, sys, time

N = 300_000
R = int(sys.argv[1]) if len(sys.argv) > 1 else 7
HERE = os.path.dirname(os.path.abspath(__file__))
PRELUDE = open(os.path.join(HERE, "opcost_prelude.py")).read()


def body_function(body):
    return "def f(r, n, y, l, l2, keys, d, o, nothing):\n" + "\n".join("  " + ln for ln in body.split("\n")) + "\n"


out = {}
for name, body in json.load(open(os.path.join(HERE, "opcases.json"))):
    ns = {}
    exec(PRELUDE + body_function(body), ns)
    best = None
    for _ in range(R):
        args = ns["arguments"](N)
        c0 = time.process_time()
        ns["f"](*args)
        c = time.process_time() - c0
        best = c if best is None else min(best, c)
    out[name] = round(best / N * 1e9, 2)
    print(name, out[name], file=sys.stderr, flush=True)
print(json.dumps(out, indent=1))
