import { describe, expect, it } from 'vitest';
import { parseLibcEnv } from '../../libc/env';
import { runScript } from '../runscript';
import { runAll, valueOf } from '../testing';

const out = (source: string): string => runAll(source).output;
const MiB = 1024 * 1024;

describe('threads on the simulated GIL', () => {
  it('runs targets with args and kwargs, subclasses with run(), join, names and idents', () => {
    const p = runAll(`
import threading
res = []
def work(a, b=0, *, c=0):
    res.append((threading.current_thread().name, a + b + c))
class Mine(threading.Thread):
    def run(self):
        res.append((self.name, 'run'))
ts = [threading.Thread(target=work, args=(1,), kwargs={'b': 2, 'c': 3}), Mine(name='mine')]
for t in ts:
    t.start()
for t in ts:
    t.join()
alive = [t.is_alive() for t in ts]
idents = len(set([t.ident for t in ts] + [threading.get_ident()]))
main = threading.main_thread().name
count = threading.active_count()
`);
    expect(valueOf(p, 'res')).toBe("[('Thread-1 (work)', 6), ('mine', 'run')]");
    expect(valueOf(p, 'alive')).toBe('[False, False]');
    // the second thread starts right after the first's Python part ended, before its OS thread has
    // exited (THREAD_EXIT_NS): glibc cannot reuse that stack yet, so a new one and a new
    // pthread_self() (the real 3.11.7 printed 3 in 12 runs of 12)
    expect(valueOf(p, 'idents')).toBe('3');
    expect(valueOf(p, 'main')).toBe("'MainThread'");
    expect(valueOf(p, 'count')).toBe('1');
  });

  it('hands the GIL over after the 5 ms switch interval, FIFO: two busy threads interleave', () => {
    const p = runAll(`
import threading
log = []
def spin(name):
    for i in range(60000):
        if i % 20000 == 0:
            log.append(name)
a = threading.Thread(target=spin, args=('a',))
b = threading.Thread(target=spin, args=('b',))
a.start(); b.start(); a.join(); b.join()
`);
    // `a` runs first (main waits for its start), then each runs 5 ms of simulated time in turn
    const log = valueOf(p, 'log');
    expect(log.startsWith("['a'")).toBe(true);
    expect(log).toContain("'b'");
    expect(log.split("'a'").length - 1).toBe(3);
  });

  it("the switch interval is the holder's real CPU: a loaded machine's wall time does not shorten it, its dearer CPU does", () => {
    // take_gil's 5 ms timed wait ends on the wall clock, but on a loaded machine the waiter sets
    // gil_drop_request only once it gets a CPU, while the holder runs its slices: a worker building
    // this loop's lists had 2-26 ms of CPU (median 4.6) when the main thread's t.start() returned,
    // at load 30 (3.11.7, 12 runs; threads.ts heldIntervalNs). So wallPerCpu alone leaves the
    // worker's iterations as they are; cpuPerModelCpu (the same work costing more CPU there)
    // divides them. The breaker checks are paced by the clock's own advance per tick (allocators-10:
    // paced by the 35 ns tick alone the next check came 16,384 ticks out)
    const source = `
import threading, time
prog = [0]
def build(n):
    out = []
    for i in range(n):
        out.append([i, i + 1, i + 2, str(i)])
        prog[0] = i
t = threading.Thread(target=build, args=(30000,))
t.start()
seen = prog[0]
t.join()
c = time.process_time()
build(10000)
per_iter_ns = int((time.process_time() - c) / 10000 * 1e9)
`;
    const at = (wallPerCpu: number, cpuPerModelCpu: number) => {
      const p = runAll(source, { wallPerCpu, cpuPerModelCpu });
      return { seen: Number(valueOf(p, 'seen')), perIterNs: Number(valueOf(p, 'per_iter_ns')) };
    };
    const free = at(1, 1);
    const slowWall = at(8, 1);
    const dearCpu = at(24, 3);
    // process_time reads the simulated clock (wall time): the worker's iterations before start()
    // returned took about the 5 ms interval times the wall per CPU second there
    expect(free.seen * free.perIterNs).toBeGreaterThan(4e6);
    expect(free.seen * free.perIterNs).toBeLessThan(7e6);
    expect(slowWall.seen * slowWall.perIterNs).toBeGreaterThan(8 * 4e6);
    expect(slowWall.seen * slowWall.perIterNs).toBeLessThan(8 * 7e6);
    expect(slowWall.seen / free.seen).toBeGreaterThan(0.8);
    expect(slowWall.seen / free.seen).toBeLessThan(1.25);
    expect(free.seen / dearCpu.seen).toBeGreaterThan(2.2);
    expect(free.seen / dearCpu.seen).toBeLessThan(4);
  });

  it('Lock, RLock, Event, Condition, Semaphore: waits release the GIL and wake in order', () => {
    const text = out(`
import threading
lock = threading.Lock()
r = threading.RLock()
ev = threading.Event()
cond = threading.Condition()
sem = threading.Semaphore(1)
items = []
def consumer():
    with cond:
        while not items:
            cond.wait()
        print('got', items.pop())
    ev.set()
def producer():
    with r:
        with r:
            with cond:
                items.append(42)
                cond.notify()
c = threading.Thread(target=consumer)
c.start()
threading.Thread(target=producer).start()
print('event', ev.wait())
with lock:
    print('locked', lock.locked(), lock.acquire(False))
print('sem', sem.acquire(), sem.acquire(timeout=0.01))
c.join()
`);
    expect(text).toBe('got 42\nevent True\nlocked True False\nsem True False\n');
  });

  it('time.sleep lets others run and time pass; the earliest deadline wakes first', () => {
    const text = out(`
import threading, time
def nap(s):
    time.sleep(s)
    print('woke', s)
ts = [threading.Thread(target=nap, args=(s,)) for s in (0.3, 0.1, 0.2)]
t0 = time.monotonic()
for t in ts: t.start()
for t in ts: t.join()
print(int((time.monotonic() - t0) * 10))
`);
    expect(text).toBe('woke 0.1\nwoke 0.2\nwoke 0.3\n3\n');
  });

  it('queue.Queue and ThreadPoolExecutor (map, submit, with)', () => {
    const text = out(`
import queue, threading
from concurrent.futures import ThreadPoolExecutor
q = queue.Queue()
def worker():
    while True:
        item = q.get()
        if item is None:
            break
        print('item', item)
        q.task_done()
t = threading.Thread(target=worker)
t.start()
for i in range(3):
    q.put(i)
q.join()
q.put(None)
t.join()
with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(lambda x: x * x, range(5))))
    f = ex.submit(sum, [1, 2, 3])
    print(f.result())
`);
    expect(text).toBe('item 0\nitem 1\nitem 2\n[0, 1, 4, 9, 16]\n6\n');
  });

  it('says so when every thread waits forever (the real process would hang)', () => {
    const r = runScript('import threading\nl = threading.Lock()\nl.acquire()\nl.acquire()');
    expect(r.error?.message).toMatch(/every thread is blocked .*would hang/);
  });
});

describe('what a thread costs', () => {
  it('an 8 MiB stack with a guard page; reused from the cache once its thread has exited', () => {
    const p = runAll(`
import threading
ts = [threading.Thread(target=lambda: None) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
`);
    const stacks = p.kernel.mappings.filter((m) => m.tag === 'thread stack');
    // the second thread starts before the first's OS thread has exited (a new stack); from then on
    // each finds an exited one's stack in the cache: two stacks (the real 3.11.7: 2 in 11 runs of 12)
    expect(stacks.filter((m) => m.prot === 'rw').map((m) => m.length)).toEqual([8 * MiB, 8 * MiB]);
    expect(stacks.filter((m) => m.prot === 'none').map((m) => m.length)).toEqual([4096, 4096]);
  });

  it('3.13 joins with pthread_join: start + join in a loop reuses one stack and one arena; 3.12 as 3.11', () => {
    const source = `
import threading
def job(n):
    data = [i * i for i in range(n)]
for n in range(1, 7):
    t = threading.Thread(target=job, args=(n * 2000,))
    t.start()
    t.join()
alive = t.is_alive()
`;
    const counts = (python: '3.12' | '3.13'): [number, number] => {
      const p = runAll(source, { python });
      const stacks = p.kernel.mappings.filter((m) => m.tag === 'thread stack' && m.prot === 'rw');
      const heaps = p.kernel.mappings.filter((m) => m.tag === 'glibc-heap');
      const arenas = new Set(heaps.map((m) => Math.floor(m.start / (64 * MiB))));
      expect(valueOf(p, 'alive')).toBe('False');
      return [stacks.length, arenas.size];
    };
    // tools/threads/join_stacks.py, 5 runs each: 3.13.0 maps 1 stack in 5 of 5 (ThreadHandle_join
    // waits for the OS thread's exit); 3.12.1 2 in 5 of 5 (join takes the tstate lock, which the thread
    // releases before it exits, so the next start finds its stack still busy). Recorded corpus
    // threads_start_join_loop: one thread arena on 3.13.0, two on 3.12.1's loop step.
    expect(counts('3.13')).toEqual([1, 1]);
    expect(counts('3.12')).toEqual([2, 2]);
  });

  it('3.13: an exited thread keeps its stack until it is joined; threads started before the joins each map one', () => {
    // tools/threads/stack_count.py seq (4 short threads started in a loop, then joined), 3 runs each:
    // 3.13.0 [1, 2, 3, 4, 4] every time (pthread_join queues the stack: __nptl_free_tcb); 3.11.7 1 or 2
    const source = `
import threading
def short(n):
    b = bytearray(n)
    x = [i for i in range(n // 100)]
ts = [threading.Thread(target=short, args=(200000 * (i + 1),)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
u = threading.Thread(target=short, args=(1000,))
u.start()
u.join()
`;
    const stacks = (python: '3.11' | '3.13'): number =>
      runAll(source, { python }).kernel.mappings.filter((m) => m.tag === 'thread stack' && m.prot === 'rw')
        .length;
    expect(stacks('3.13')).toBe(4);
    expect(stacks('3.11')).toBeLessThanOrEqual(2);
  });

  it('threads alive at once each get a glibc arena (a 64 MiB heap); the cache keeps 4 stacks after', () => {
    const p = runAll(`
import threading
go = threading.Event()
def work():
    keep = [bytes(1000) for _ in range(100)]
    go.wait()
ts = [threading.Thread(target=work) for _ in range(6)]
for t in ts: t.start()
go.set()
for t in ts: t.join()
`);
    const heaps = p.kernel.mappings.filter((m) => m.tag === 'glibc-heap');
    const starts = new Set(heaps.map((m) => Math.floor(m.start / (64 * MiB))));
    expect(starts.size).toBe(6);
    const stacks = p.kernel.mappings.filter((m) => m.tag === 'thread stack' && m.prot === 'rw');
    expect(stacks.length).toBe(4);
  });

  it('a main thread waiting for the GIL gets it while two workers are busy; a thread takes its arena at its start', () => {
    // threads_worker_pool (tests/corpus): measured on the real 3.11.7 (5 runs), active_count()
    // after each start() was 3 or 4 at least once in every run: take_gil's first timed-out waiter
    // asks for the drop, the holder drops at its next check and the signal wakes the oldest waiter
    const p = runAll(`
import threading
lock = threading.Lock()
def worker(n):
    local = [str(i) * 10 for i in range(100000)]
    with lock:
        pass
alive = []
threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
    alive.append(threading.active_count())
for t in threads:
    t.join()
`);
    const alive = valueOf(p, 'alive');
    expect(Math.max(...(JSON.parse(alive) as number[]))).toBeGreaterThanOrEqual(3);
    // pythread_wrapper frees the pythread_callback in the new thread before it waits for the GIL:
    // its tcache, and so its arena, are taken then. 15 real runs kept 3 to 6 thread arenas (mostly 4)
    const heaps = p.kernel.mappings.filter((m) => m.tag === 'glibc-heap');
    const arenas = new Set(heaps.map((m) => Math.floor(m.start / (64 * MiB))));
    expect(arenas.size).toBeGreaterThanOrEqual(3);
  });
});

describe('PYTHONMALLOC=malloc', () => {
  it('puts small objects in glibc chunks: no pymalloc arena grows, the heap does', () => {
    const { env } = parseLibcEnv({ PYTHONMALLOC: 'malloc' });
    const r = runScript('a = [(i,) for i in range(100000)]', { env });
    const [s0, s1] = r.steps;
    expect(s1.pymalloc.arenas_allocated_current).toBe(0);
    // 100,000 tuples (48 B → 64-byte chunks) and ints (32 B → 48), plus the list's array
    expect(s1.heap - s0.heap).toBeGreaterThan(100000 * (64 + 48) * 0.9);
    const on = runScript('a = [(i,) for i in range(100000)]');
    expect(on.steps[1].heap - on.steps[0].heap).toBeLessThan(2 * MiB);
  });
});
