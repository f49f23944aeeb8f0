import type { Vm } from '../runtime/vm';

/**
 * The simulated process's clocks, for the time module (and timeit): nothing reads the host's time,
 * so a run gives the same numbers every time. Elapsed time is what the simulated process did:
 * NS_PER_CALL for every PyMem/PyObject call it made (runtime/mem.ts counts them) plus what
 * time.sleep asked for (which costs nothing else). The wall clock starts at 2024-01-01 00:00:00
 * UTC, the monotonic clocks at 1,000 s (a machine up for a while: their nanosecond ints have the
 * real ones' size), CPU time at 0.05 s; the process runs in UTC, as the recordings' machines do.
 */
export const WALL_START_S = 1_704_067_200;
export const MONO_START_NS = 1_000_000_000_000;
export const CPU_START_NS = 50_000_000;
/** The cost charged for one allocator call (of the order jemalloc/mimalloc/glibc measure: 45–66 ns). */
export const NS_PER_CALL = 50;

const slept = new WeakMap<Vm, number>();

/** Nanoseconds the simulated process has run since it started. */
export function elapsedNs(vm: Vm): number {
  return vm.mem.calls * NS_PER_CALL + (slept.get(vm) ?? 0);
}

/** CPU nanoseconds (sleeping does not count). */
export function cpuNs(vm: Vm): number {
  return CPU_START_NS + vm.mem.calls * NS_PER_CALL;
}

/** time.sleep: time passes, nothing runs. */
export function sleepNs(vm: Vm, ns: number): void {
  slept.set(vm, (slept.get(vm) ?? 0) + ns);
}
