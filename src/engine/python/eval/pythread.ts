import type { LockState } from '../modules/host';
import type { ThreadState as ExcState } from '../runtime/threadstate';
import type { Frame } from './frame';
import type { ThreadState } from './thread';
import type { ThreadMemory } from './threadCosts';

/** The GIL's switch interval and the simulated clock's charges (THREADS.md, "Simulated time"). */
export const SWITCH_INTERVAL_NS = 5_000_000;
export const TICK_NS = 35;
/**
 * A page fault (first touch of an anonymous page: the kernel zeroes it). Measured here on 3.11.7:
 * writing one byte per page of a fresh 80 MiB mmap costs 2.9 µs a page (process_time, best of 5,
 * the machine under load), of which ~0.1 µs is the Python loop. With it, `s.append(bytes(2000))`
 * is modelled at 1.4 µs an iteration (measured 1.1 µs) and `[[0] * 100 for _ in range(n)]` at
 * 0.6 µs (measured 1.6 µs): the right order, which is what the 5 ms switch interval needs.
 * Measured again with transparent huge pages (`always` here; madvise(MADV_HUGEPAGE) on a 512 MiB
 * mapping): 1.5 µs a page with them, 2.0 µs without, the Python loop included (tools/clock/README.md).
 */
export const PAGE_FAULT_NS = 2800;

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
  /** Locks released when the thread ends (_thread._set_sentinel). */
  readonly sentinels: LockState[] = [];
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
