"""How much CPU a worker thread gets before the main thread is back from `t.start()`.

The GIL hand-over (src/engine/python/eval/threads.ts heldIntervalNs): the main thread waits in
take_gil for 5 ms of wall time, but on a loaded machine it sets gil_drop_request only once it gets
a CPU again. Run with PYTHONHASHSEED=0 on 3.11.7, not from /tmp:

    ~/.pyenv/versions/3.11.7/bin/python3.11 tools/threads/handover_cpu.py [REPEATS]

Prints the worker's iterations (and their CPU, from the loop's own CPU per iteration) when
`start()` returned, and the process's wall per CPU second around it. 2026-12-07, load 30 on 2
cores: 1.5 us of CPU an iteration, 2-26 ms of worker CPU (median 4.6) at 2-29 wall per CPU second.
"""
import threading, time, sys
N = 30000
done = [0]
def build():
    out = []
    for i in range(N):
        out.append([i, i + 1, i + 2, str(i)])
        done[0] = i
# per-iteration CPU alone
t0 = time.thread_time(); build(); per = (time.thread_time() - t0) / N
res = []
for rep in range(int(sys.argv[1]) if len(sys.argv) > 1 else 10):
    done[0] = 0
    w0 = time.perf_counter(); c0 = time.process_time()
    t = threading.Thread(target=build)
    t.start()
    got = done[0]
    w1 = time.perf_counter(); c1 = time.process_time()
    t.join()
    w2 = time.perf_counter(); c2 = time.process_time()
    res.append((got, got * per * 1e3, (w1 - w0) / max(c1 - c0, 1e-9), (w2 - w0) / (c2 - c0)))
print(f"per-iteration CPU {per*1e9:.0f} ns")
for got, ms, r1, r2 in res:
    print(f"iterations before start() returned {got:6d} = {ms:5.2f} ms CPU; wall/CPU start {r1:5.1f} whole {r2:5.1f}")
