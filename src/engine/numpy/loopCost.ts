import type { Vm } from '../python/runtime/vm';

/**
 * What NumPy's inner loops cost on the simulated clock (kernel/clock.ts), beside the kernel's work
 * their writes already charge (kernel/costs.ts: a page fault 2.8 µs, a write across resident pages
 * 0.024 ns a byte). Without it a ufunc over 1.5 million floats whose output reused committed memory
 * moved the clock by 0.3 ms where the real one takes 0.5–1 ms of CPU (and a normal() draw of that size
 * 0.3 ms for 18 ms), so mimalloc's 25 ms decommit delay (mi_segment_perhaps_decommit) saw too little
 * time between a NumPy pipeline's statements: the model kept an array committed that the real process
 * had given back (h10_numpy_temporaries, h11_numpy_pipeline).
 *
 * Measured on Debian's 3.11.2 + NumPy 1.24 here (process_time, best of 7, n = 1.5 million, outputs
 * into resident memory, glibc and mimalloc alike), per element: np.add(a, b, out) 0.54–0.63 ns,
 * np.multiply(a, 1.01, out) 0.33, np.divide 0.28–0.31, np.abs 0.28–0.40, np.less (bool out)
 * 0.17–0.23, np.copyto 0.35–0.49, a.sum() 0.28–0.37, a.mean() 0.22–0.34, a[mask] 0.65–0.77;
 * Generator.random 2.0, Generator.normal 12.1–13.2.
 */

/**
 * An inner loop's work per element written (the loop's reads and arithmetic, on top of the write
 * itself, which kernel.touch charges at 0.024 ns a byte): 0.2 ns, the floor of the ufuncs above.
 */
export const LOOP_ELEMENT_NS = 0.2;

/** A reduction's read of one element (sum, mean, max): 0.3 ns (a.sum() 0.28–0.37, a.mean() 0.22–0.34). */
export const REDUCE_ELEMENT_NS = 0.3;

/** One draw of a uniform double (next_double of PCG64 and the loop around it): 2.0 ns. */
export const UNIFORM_DRAW_NS = 2;

/** One standard-normal draw (the ziggurat and random_standard_normal_fill's loop): 12.5 ns. */
export const NORMAL_DRAW_NS = 12.5;

/** Charge `ns` of a NumPy C loop to the process's clock (nothing in unit tests without one). */
export function chargeLoop(vm: Vm, ns: number): void {
  if (ns > 0) vm.mem.spend(ns);
}
