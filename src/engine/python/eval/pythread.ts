import type { LockState } from '../modules/host';
import type { ThreadState as ExcState } from '../runtime/threadstate';
import type { Frame } from './frame';
import type { ThreadState } from './thread';
import type { ThreadMemory } from './threadCosts';

/** The GIL's switch interval (THREADS.md, "Simulated time"; the instructions' charges: opcosts.ts). */
export const SWITCH_INTERVAL_NS = 5_000_000;
/** A page fault's cost (kernel/costs.ts): the kernel charges the clock with it as it happens. */
export { PAGE_FAULT_NS } from '../../kernel/costs';

/**
 * What starting a thread costs beyond its Python code: pthread_create (clone3, the stack's mmap
 * and mprotect or a cached one, the TLS) and the new thread's start before its bootstate runs.
 * Measured here (3.11.7, process_time, best of 5 × 200): `_thread.start_new_thread` of a lambda
 * that releases a lock, and the wait for it, cost 46-47 µs of CPU; `threading.Thread()` alone
 * 3.6 µs, Thread + start + join 65-70 µs.
 */
export const THREAD_START_NS = 40_000;

/**
 * From a thread's GIL drop at its end (`t.join()` may return) to the kernel clearing its tid, when
 * its stack becomes reusable (get_cached_stack's FREE_P): pthread_exit's unwinding, the TSD and
 * __libc_thread_freeres, queue_stack, the exit. Measured here on 3.11.7 (tools/threads/
 * exit_latency.py: the main thread reads the struct pthread's tid right after join, 2 × 200
 * threads): with a core free it is done in 3-11 µs (the fastest 25%); when the reader keeps its
 * core busy and the machine is loaded (load 7 on 2 cores) the exit waits for a CPU: median
 * 0.45-1.3 ms, 90% within 4.3 ms. A Python thread that blocks (start() waits for the new thread,
 * join, a lock) gives its core to the exiting one, so the model takes the free-core time: a thread
 * started right after a join gets a new stack, the one after it the first one's (THREADS.md).
 */
export const THREAD_EXIT_NS = 10_000;

export type Wait =
  | { kind: 'lock'; lock: LockState; deadline: number | null; count: number }
  | { kind: 'sleep'; deadline: number };

export class PyThread {
  /** Frames to resume at (the innermost), once the thread handed over. */
  resume: Frame | null = null;
  /** The frame its start runs (the thread's bootstrap): its bottom frame. */
  base: Frame | null = null;
  /** How its last wait ended (True: got the lock / slept; False: timed out). */
  got = true;
  /** A callable started that is not a Python function: called from C when the thread starts. */
  startCall: { fn: number; args: number[] } | null = null;
  started = false;
  done = false;
  /** Blocked on this; the value its call returned is replaced when the wait ends. */
  wait: Wait | null = null;
  /** Its native wait keeps its JS stack (blocked inside a call from C). */
  onStack = false;
  /** When it started waiting for the GIL (simulated ns). */
  readySince = 0;
  /** The GIL's switch_number when its current timed wait began (-1: after the coming switch). */
  armedSwitch = 0;
  /** Locks released when the thread ends (_thread._set_sentinel). */
  readonly sentinels: LockState[] = [];
  /** The thread state's weak references to those locks (tstate->on_delete_data), owned. */
  readonly sentinelRefs: number[] = [];
  memory: ThreadMemory | null = null;
  /** tstate->dict (PyThreadState_GetDict: made on first use; threading.local keeps its dummies there), or 0. */
  dict = 0;

  constructor(
    readonly ident: number,
    readonly nativeId: number,
    /** The C library's thread id (Libc.setThread): 0 for the main thread, then 1, 2, … never reused. */
    readonly tid: number,
    readonly ts: ThreadState,
    readonly exc: ExcState,
  ) {}
}

/**
 * pthread_self() of the main thread (its struct pthread in the TLS block ld.so maps) and its
 * kernel tid. Fixed values: the simulated process has no real addresses for them.
 */
export const MAIN_IDENT = 0x7ffff7d8a740;
export const MAIN_NATIVE_ID = 4242;
