import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLibcEnv } from '../../src/engine/libc/env';
import { simulateScript } from '../../src/engine/simulate';
import type { Report } from '../../src/engine/python/report';
import type { RecordedRun } from './compare';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export interface EnvRecording extends RecordedRun {
  environment: Record<string, string>;
  scenario_path: string;
}

/** What CPython 3.11.7's start-up costs in CPU (user + system) under the recorder: median of 17 recordings' `<start>` (mimalloc's own counters), 42 ms. */
const START_CPU_S = 0.042;

interface TimedStep {
  code: string;
  t?: number | null;
  mimalloc?: { user_msecs?: number; system_msecs?: number } | null;
}

/**
 * How much wall time the recorded process's work took per CPU second (kernel/clock.ts wallPerCpu):
 * the recordings were made on 2 cores shared by several jobs, where a statement's work took 3–15
 * times its CPU time in wall time, and mimalloc's and jemalloc's delays read the wall clock. The
 * recording measures it: each step's `t` (wall time from the spawn to that step) over the CPU time
 * mimalloc's mi_process_info reports there (user + system), median of the steps before the first
 * sleep (a sleep adds wall time and no CPU); a recording without CPU counters (jemalloc,
 * glibc) has `<start>`'s wall time over the start-up's CPU (START_CPU_S).
 */
export function recordedWallPerCpu(real: { steps: readonly unknown[] }): number {
  const steps = real.steps as TimedStep[];
  const ratios: number[] = [];
  for (const s of steps) {
    if (/\bsleep\(/.test(s.code)) break;
    const cpuMs = (s.mimalloc?.user_msecs ?? NaN) + (s.mimalloc?.system_msecs ?? NaN);
    if (typeof s.t === 'number' && cpuMs > 0) ratios.push((s.t * 1000) / cpuMs);
  }
  if (ratios.length === 0) {
    const t0 = steps[0]?.t;
    return typeof t0 === 'number' ? Math.max(1, t0 / START_CPU_S) : 1;
  }
  ratios.sort((a, b) => a - b);
  return Math.max(1, ratios[Math.floor(ratios.length / 2)]);
}

/** A recording under tests/fidelity/recorded/env/<preset>/, and the simulator's run of it with its --env. */
export function runEnvRecording(preset: string, name: string): { real: EnvRecording; sim: Report } {
  const real = JSON.parse(
    readFileSync(join(here, 'recorded', 'env', preset, `${name}.json`), 'utf8'),
  ) as EnvRecording;
  const source = readFileSync(join(root, real.scenario_path), 'utf8');
  const { env } = parseLibcEnv(real.environment);
  const sim = simulateScript(source, {
    env,
    profile: real.python === '3.11.2' ? 'debian-3.11.2' : 'cpython-3.11.7',
    maxSeconds: null,
    wallPerCpu: recordedWallPerCpu(real),
  });
  return { real, sim };
}
