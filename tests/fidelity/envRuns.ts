import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLibcEnv } from '../../src/engine/libc/env';
import { simulateScript } from '../../src/engine/simulate';
import type { Report } from '../../src/engine/python/report';
import { compareEnvelope, compareRuns, recordingBoot, type RecordedRun } from './compare';

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
  const real = readRecording(join(here, 'recorded', 'env', preset, `${name}.json`));
  return { real, sim: simulateRecording(real) };
}

function readRecording(path: string): EnvRecording {
  return JSON.parse(readFileSync(path, 'utf8')) as EnvRecording;
}

/** The simulator's run of a recording's scenario, with its --env and its own wall time per CPU second. */
export function simulateRecording(real: EnvRecording): Report {
  const source = readFileSync(join(root, real.scenario_path), 'utf8');
  const { env } = parseLibcEnv(real.environment);
  return simulateScript(source, {
    env,
    ...recordingBoot(real),
    maxSeconds: null,
    wallPerCpu: recordedWallPerCpu(real),
  });
}

/**
 * Further real runs of a recording (tests/fidelity/recorded/env-reruns/<preset>/<name>.<n>.json,
 * recorded the same way, later: tools/rerecord_env.py). Where the allocator's purges follow the
 * wall clock (mimalloc's 25 ms decommit delay, jemalloc's decay epochs), two runs of one script on
 * the loaded recorder differ by more than the tolerance (h9_rows_of_tuples: 3.3 MiB at one step;
 * h9_bytearray_grow: 0.5 to 23 MiB after the same statement), and one run is one sample of them.
 */
export function envReruns(preset: string, name: string): { label: string; real: EnvRecording }[] {
  const dir = join(here, 'recorded', 'env-reruns', preset);
  if (!existsSync(dir)) return [];
  const re = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.json$`);
  return readdirSync(dir)
    .map((f) => re.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => ({ label: `rerun ${m[1]}`, real: readRecording(join(dir, m[0])) }));
}

/** One real run held against the simulator's run of it. */
export interface EnvAttempt {
  label: string;
  /** `figure@step` outside tolerance (compare.ts), or why the runs cannot be compared. */
  mismatches: string[];
  rows: string[];
}

/**
 * The rule of envAllocators-*.test.ts: the simulator must agree, at every step and in every figure,
 * with the recording or with one of its reruns (envReruns), each simulated with that run's own
 * wall time per CPU second. A whole run must agree: steps are not picked from different runs.
 * (A recording's steps are not one history either: tools/record.py measures each step in a fresh
 * process that runs statements 1..k. Where a purge follows the wall clock, neighbouring steps of one
 * recording can come from different regimes: mimalloc/h9_bytearray_grow reads +0.5 MiB after
 * `del buf[1000:]` and +15.4 after `del buf` in rerun 2. So this rule asks the simulator's one history
 * to match a pairing of per-step samples; whether to hold each step to its own samples instead is
 * open: allocators-5, envAllocators.known.ts.)
 *
 * So when no whole run agrees, and the recorded runs are proven to differ from each other beyond
 * the tolerance (some rerun fails the single-run rule against the stored recording, as
 * tools/envelope.py decides for threaded programs), each step is held to its own samples: the
 * envelope rule (compare.ts compareEnvelope) against the simulation on any of the runs' clocks.
 * Steps where the runs agree keep the single rule's width; a recording without reruns, or whose
 * reruns agree, never gets here (allocators-6).
 */
export function judgeEnvRecording(
  preset: string,
  name: string,
): { matched: string | null; simError: string | null; attempts: EnvAttempt[] } {
  const stored = readRecording(join(here, 'recorded', 'env', preset, `${name}.json`));
  const runs = [{ label: 'recorded', real: stored }, ...envReruns(preset, name)];
  const attempts: EnvAttempt[] = [];
  const sims: { label: string; sim: Report }[] = [];
  const codes = (r: { steps: readonly { code: string }[] }) => JSON.stringify(r.steps.map((s) => s.code));
  for (const { label, real } of runs) {
    const sim = simulateRecording(real);
    if (sim.error) return { matched: null, simError: `${sim.error.type}: ${sim.error.message}`, attempts };
    if (codes(sim) !== codes(real)) {
      attempts.push({ label, mismatches: ['the steps differ'], rows: [] });
      continue;
    }
    sims.push({ label, sim });
    const cmp = compareRuns(real.steps, sim.steps);
    attempts.push({ label, mismatches: cmp.mismatches.map((m) => `${m.figure}@${m.step}`), rows: cmp.rows });
    if (cmp.mismatches.length === 0) return { matched: label, simError: null, attempts };
  }
  const spread = runs
    .slice(1)
    .some(
      ({ real }) =>
        codes(real) === codes(stored) && compareRuns(stored.steps, real.steps).mismatches.length > 0,
    );
  if (!spread) return { matched: null, simError: null, attempts };
  const all = runs.filter(({ real }) => codes(real) === codes(stored)).map(({ real }) => real.steps);
  for (const { label, sim } of sims) {
    const cmp = compareEnvelope(all, sim.steps);
    const name = `envelope of ${all.length} runs, on ${label}'s clock`;
    attempts.push({ label: name, mismatches: cmp.mismatches.map((m) => `${m.figure}@${m.step}`), rows: cmp.rows });
    if (cmp.mismatches.length === 0) return { matched: name, simError: null, attempts };
  }
  return { matched: null, simError: null, attempts };
}
