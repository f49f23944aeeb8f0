import type { Vm } from '../runtime/vm';
import { interpOf } from './host';

/**
 * The time module's clocks, all read from the process's one simulated CLOCK_MONOTONIC
 * (kernel/clock.ts, owned by PythonProcess, read through eval/threads.ts): the clock jemalloc's
 * decay and mimalloc's decommit delays read. Nothing reads the host's time, so a run gives the
 * same numbers every time and a purge happens at the same simulated moment.
 *
 * How it advances (eval/threads.ts, kernel/clock.ts): 35 ns per eval-breaker tick (a backward
 * jump, a function entry, a C-level loop item: measured on 3.11.7), the allocator models' own
 * per-call cost (50 ns under jemalloc/mimalloc; glibc charges nothing), and time.sleep (Clock.sleep:
 * the other threads run meanwhile; alone, time just passes).
 *
 * Readings: monotonic/perf_counter are the clock itself (it starts at 1 s); the wall clock reads
 * 2024-01-01 00:00:00 UTC at the clock's origin; process_time is the clock less the time slept in
 * time.sleep, from 0.05 s (what the real start-up used). The process runs in UTC.
 */
export const WALL_AT_ORIGIN_S = 1_704_067_200;
export const CPU_AT_ORIGIN_NS = 50e6;

const slept = new WeakMap<Vm, number>();

/** time.monotonic_ns() / perf_counter_ns(). */
export const monotonicNs = (vm: Vm): number => interpOf(vm).threads.now();

/** time.time_ns() (past 2**53: a bigint). */
export const wallNs = (vm: Vm): bigint =>
  BigInt(WALL_AT_ORIGIN_S) * 1_000_000_000n + BigInt(Math.round(monotonicNs(vm)));

/** time.time(). */
export const wallSeconds = (vm: Vm): number => WALL_AT_ORIGIN_S + monotonicNs(vm) / 1e9;

/** time.process_time_ns(): sleeping does not count. */
export const cpuNs = (vm: Vm): number => CPU_AT_ORIGIN_NS + monotonicNs(vm) - (slept.get(vm) ?? 0);

/** time.sleep. */
export function sleepNs(vm: Vm, ns: number): void {
  slept.set(vm, (slept.get(vm) ?? 0) + ns);
  interpOf(vm).threads.sleep(ns);
}
