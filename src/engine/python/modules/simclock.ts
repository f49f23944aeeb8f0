import type { Vm } from '../runtime/vm';

/**
 * The time module's clocks, all read from the process's one simulated clock (kernel/clock.ts, the
 * clock jemalloc's decay and mimalloc's decommit delays read): nothing reads the host's time, so a
 * run gives the same numbers every time and a purge happens at the same simulated moment.
 *
 * How it advances: every C-library call the allocator models charge (50 ns, Clock.call), every
 * PyMem/PyObject call the interpreter makes (runtime/mem.ts INTERP_NS_PER_CALL, 90 ns, measured),
 * and time.sleep (Clock.sleep: time passes, nothing runs, no CPU time). Bytecode that allocates
 * nothing takes no simulated time.
 *
 * The clock starts at 1 s (Clock's origin). The wall clock reads 2024-01-01 00:00:00 UTC at that
 * origin, the monotonic clocks read 1,000 s (a machine up for a while: their nanosecond ints have
 * the real ones' size), the process's CPU time 0.05 s (what the real start-up used); the process
 * runs in UTC, as the recordings' machines do.
 */
export const WALL_AT_ORIGIN_S = 1_704_067_200;
export const MONO_AT_ORIGIN_NS = 1_000e9;
export const CPU_AT_ORIGIN_NS = 50e6;
const ORIGIN_NS = 1e9;

/** Nanoseconds the simulated process has run (sleeps included) since the clock's origin. */
export const elapsedNs = (vm: Vm): number => vm.mem.clock.now() - ORIGIN_NS;

/** time.time_ns() (past 2**53: a bigint). */
export const wallNs = (vm: Vm): bigint =>
  BigInt(WALL_AT_ORIGIN_S) * 1_000_000_000n + BigInt(Math.round(elapsedNs(vm)));

/** time.time(). */
export const wallSeconds = (vm: Vm): number => WALL_AT_ORIGIN_S + elapsedNs(vm) / 1e9;

/** time.monotonic_ns() / perf_counter_ns(). */
export const monotonicNs = (vm: Vm): number => MONO_AT_ORIGIN_NS + elapsedNs(vm);

/** time.process_time_ns(): sleeping does not count. */
export const cpuNs = (vm: Vm): number => CPU_AT_ORIGIN_NS + elapsedNs(vm) - vm.mem.clock.sleptNs;

/** time.sleep: nanosleep, the clock moves on and nothing runs. */
export function sleepNs(vm: Vm, ns: number): void {
  vm.mem.clock.sleep(ns);
}
