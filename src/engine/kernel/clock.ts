/**
 * The simulated process's monotonic clock (CLOCK_MONOTONIC as the allocators read it): nanoseconds,
 * advanced only by the simulation, never by the host. jemalloc's decay (nstime_update, 10 s curves in
 * 50 ms epochs) and mimalloc's decommit delays (_mi_clock_now, 25 ms / 500 ms) read it, so purges
 * happen at the same simulated moment on every run, whatever the machine's load.
 *
 * What moves it:
 * - each C-library call costs `callCostNs` (the per-call cost model below), charged by the allocator
 *   as the call starts;
 * - explicit sleeps (`time.sleep`, the trace op `s NS`) call `sleep(ns)`;
 * - the interpreter charges its loop ticks with `advance(ns)`, and the C work of a statement
 *   (object set-up and tear-down, reference counts, the collector's walks: python/runtime/cwork.ts,
 *   calibrated in tools/clock/README.md) with `work(ns)` as it happens;
 * - the kernel's work on the process's memory (page faults, pages given back by munmap or
 *   MADV_DONTNEED, writes across pages: kernel/costs.ts) with `work(ns)` as it happens;
 * - all CPU charges are scaled by `wallPerCpu` (a busy machine's wall time per CPU second);
 * - threads that run beside the program on their own schedule watch it (`onAdvance`).
 *
 * The cost model: every allocator call costs the same, `callCostNs` = 50 ns by default. Measured here
 * with tools/native/alloc_replay.c --time (CPU time of the op loop, one run each, 2 shared cores):
 * 10^6 mallocs and frees of 16 B … 1 KiB cost 50 ns a call on jemalloc 5.3.0, 45 ns on mimalloc 2.0.9
 * (66 ns on glibc 2.36); 2·10^5 of 20–300 KB, 224 ns on jemalloc and 296 ns on mimalloc (1.3 µs on
 * glibc, which mmaps the biggest). The small-call figure stands for all: both allocators' time
 * scales (jemalloc's 50 ms decay epoch, mimalloc's 25 ms decommit delay) are 10^5–10^6 calls away.
 * The time a program spends between calls (an interpreter running bytecode) is not in this figure:
 * the layer that does the work charges it (`advance`, `work`). The native cross-check passes the same cost
 * to the real run (alloc_replay --cost), so both clocks agree op for op.
 */
/** The measured cost of an allocator call (see above). */
export const DEFAULT_CALL_COST_NS = 50;

export class Clock {
  /** Nanoseconds since an arbitrary start: 1 s, as the real replayer's virtual clock starts. */
  private ns: number;
  /** Cost charged by each allocator call (see the model above). */
  callCostNs: number;
  /** Time spent in explicit sleeps, for reports. */
  sleptNs = 0;

  constructor(startNs = 1e9, callCostNs = DEFAULT_CALL_COST_NS) {
    this.ns = startNs;
    this.callCostNs = callCostNs;
  }

  /** clock_gettime(CLOCK_MONOTONIC) in nanoseconds. */
  now(): number {
    return this.ns;
  }

  /**
   * Wall time per CPU time of the process's own work (1: it has a core to itself). A machine
   * busy with other work runs the same instructions over more wall time, and the allocators'
   * delays (CLOCK_MONOTONIC) see that; sleeps are wall time already and are not scaled.
   */
  wallPerCpu = 1;

  /**
   * The real process's CPU time per CPU time the model charges (1: the charges are the real cost).
   * On a loaded machine the same work costs more CPU (the held-out recordings: 1.5 µs of CPU a pass
   * of h12's list-of-four loop at load 30, 0.45-0.49 µs when quieter; the model charges ~0.3): the
   * GIL's switch interval is counted against the holder's real CPU (threads.ts), so it reads this.
   * `wallPerCpu` already includes it (wall time per modelled CPU second).
   */
  cpuPerModelCpu = 1;

  /** One allocator call happened. */
  call(): void {
    this.ns += this.callCostNs * this.wallPerCpu;
  }

  /**
   * C work inside a statement (object set-up and tear-down, reference counting, the collector's
   * walks: python/runtime/cwork.ts) took `ns`. Like `call`, it runs no watcher: the statement has
   * not let go of the process yet; they take their turns at the interpreter's next `advance`.
   */
  work(ns: number): void {
    this.ns += ns * this.wallPerCpu;
  }

  /** Work done above the allocator (the interpreter) took `ns`. */
  advance(ns: number): void {
    this.pass(ns * this.wallPerCpu);
  }

  /** Wall time passes (`ns`), and what runs beside the program takes its turns. */
  private pass(ns: number): void {
    if (!(ns >= 0)) throw new RangeError(`clock cannot go back (${ns} ns)`);
    this.ns += ns;
    for (let i = 0; i < this.watchers.length; i++) this.watchers[i](this.ns);
  }

  /**
   * Called after the clock moved by work or a sleep outside the allocator (never inside an allocator
   * call): what runs on its own schedule beside the program (jemalloc's background threads) takes
   * its turns then.
   */
  onAdvance(watcher: (nowNs: number) => void): void {
    this.watchers.push(watcher);
  }
  private readonly watchers: ((nowNs: number) => void)[] = [];

  /** nanosleep: nothing runs meanwhile, time passes. */
  sleep(ns: number): void {
    this.pass(ns);
    this.sleptNs += ns;
  }
}
