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
 * - a higher layer (the interpreter) may charge its own work with `advance(ns)`.
 *
 * The cost model: every call costs the same, `callCostNs`, by default 0, so that time moves only by
 * sleeps and by what the layers above charge. Measured here (tools/native/alloc_replay.c --time on
 * tests/native traces; 2 cores under load, CPU time): a malloc/free pair costs about 20-40 ns on
 * jemalloc 5.3 and mimalloc 2.0.9 when served from the thread cache, and 0.2-2 µs when it reaches the
 * arena or the OS. Both are far below the allocators' time scales (jemalloc's 50 ms decay epoch,
 * mimalloc's 25 ms delay), so the exact figure changes when a purge happens only for traces of
 * millions of calls; the native cross-check passes the same cost to the real run (alloc_replay
 * --cost) so both clocks agree op for op.
 */
export class Clock {
  /** Nanoseconds since an arbitrary start: 1 s, as the real replayer's virtual clock starts. */
  private ns: number;
  /** Cost charged by each allocator call (see the model above). */
  callCostNs: number;
  /** Time spent in explicit sleeps, for reports. */
  sleptNs = 0;

  constructor(startNs = 1e9, callCostNs = 0) {
    this.ns = startNs;
    this.callCostNs = callCostNs;
  }

  /** clock_gettime(CLOCK_MONOTONIC) in nanoseconds. */
  now(): number {
    return this.ns;
  }

  /** One allocator call happened. */
  call(): void {
    this.ns += this.callCostNs;
  }

  /** Work done above the allocator (the interpreter) took `ns`. */
  advance(ns: number): void {
    if (!(ns >= 0)) throw new RangeError(`clock cannot go back (${ns} ns)`);
    this.ns += ns;
  }

  /** nanosleep: nothing runs meanwhile, time passes. */
  sleep(ns: number): void {
    this.advance(ns);
    this.sleptNs += ns;
  }
}
