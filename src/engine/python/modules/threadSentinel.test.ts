import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';

/**
 * thread__set_sentinel (3.11's _threadmodule.c): the thread state keeps only a weak reference to its
 * sentinel lock (tstate->on_delete_data), dropped by release_sentinel at the thread's end. So the
 * lock lives as long as Python holds it (Thread._tstate_lock, which join sets to None). The real
 * 3.11.7 prints `1 True` then `True None` for the first script below (weakref.getweakrefcount,
 * locked; the weak reference dead after join). The simulator held the lock strongly for ever:
 * every joined thread left a 64-byte lock block (and its 32-byte sem_t) behind, pinning its pool
 * (h12_threads_lock_counts: the lock made while a worker's split strs filled a fresh arena).
 */
describe('a thread sentinel lock', () => {
  it('is held by the thread state through one weak reference, and goes with its join', () => {
    const p = runAll(`
import threading, weakref
ev = threading.Event()
t = threading.Thread(target=ev.wait)
t.start()
lk = t._tstate_lock
during = (weakref.getweakrefcount(lk), lk.locked())
r = weakref.ref(lk)
del lk
ev.set()
t.join()
after = (r() is None, t._tstate_lock)
`);
    expect(valueOf(p, 'during')).toBe('(1, True)');
    expect(valueOf(p, 'after')).toBe('(True, None)');
  });

  it('leaves no sentinel behind however many threads are started and joined (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.boolean(), (n, joinEach) => {
        const loop = joinEach
          ? `for i in range(${n}):\n    t = threading.Thread(target=work)\n    refs.append(start(t))\n    t.join()`
          : `ts = [threading.Thread(target=work) for i in range(${n})]\nfor t in ts:\n    refs.append(start(t))\nfor t in ts:\n    t.join()`;
        const p = runAll(`
import threading, weakref, gc
def work():
    return sum(range(100))
def start(t):
    t.start()
    return weakref.ref(t._tstate_lock) if t._tstate_lock is not None else None
locks = lambda: sum(1 for o in gc.get_objects() if type(o) is type(threading.Lock()))
before = locks()
refs = []
${loop}
alive = sum(1 for r in refs if r is not None and r() is not None)
grown = locks() - before
`);
        // the locks still alive are the Thread objects' Event locks (_started's Condition): one per
        // Thread kept (the real 3.11.7: 3 for three kept, 1 when only the last is), none a sentinel
        expect(valueOf(p, 'alive')).toBe('0');
        expect(valueOf(p, 'grown')).toBe(String(joinEach ? 1 : n));
      }),
      { numRuns: 6 },
    );
  });
});
