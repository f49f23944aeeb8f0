import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLibcEnv } from '../../src/engine/libc/env';
import { simulateScript } from '../../src/engine/simulate';
import type { Report } from '../../src/engine/python/report';
import type { Clock } from '../../src/engine/kernel/clock';
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
  /** The child's CPU seconds at its stop, all threads (tools/record.py since allocators-11). */
  cpu?: number | null;
  /** Where the step's CPU window starts (tools/record.py): CPU seconds, and the wall time then. */
  cpu_start?: number | null;
  t_start?: number | null;
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

/**
 * Each statement's wall time per CPU second (index 1 = the first statement), from the CPU clock the
 * recorder reads from outside the child (tools/hw_common.py process_cpu_s, tools/record.py): over the
 * child's last `cpu - cpu_start` CPU seconds before its stop (the statement, widened to at least
 * 30 ms of CPU since two children's CPU at one point differ by up to ~15 ms), `t - t_start` of wall
 * time passed. A statement that sleeps, or whose widened window reaches back into a sleeping one (a
 * sleep adds wall time and no CPU), gets the median of the others. Index 0 (`<start>`) holds that
 * median too. Null for recordings made before the recorder read CPU time (before allocators-11).
 */
export function recordedStepWallPerCpu(real: { steps: readonly unknown[] }): number[] | null {
  const steps = real.steps as TimedStep[];
  if (!steps.every((s) => typeof s.cpu === 'number') || !steps.some((s) => typeof s.cpu_start === 'number'))
    return null;
  const sleeps = (k: number) => /\bsleep\(/.test(steps[k].code);
  const measured: (number | null)[] = steps.map((s, k) => {
    if (k === 0 || sleeps(k)) return null;
    if (typeof s.t !== 'number' || typeof s.t_start !== 'number' || typeof s.cpu_start !== 'number') return null;
    if (s.cpu_start < (steps[k - 1].cpu as number) && sleeps(k - 1)) return null;
    const cpu = (s.cpu as number) - s.cpu_start;
    return cpu > 0 ? Math.max(1, (s.t - s.t_start) / cpu) : null;
  });
  const known = measured.filter((r): r is number => r !== null).sort((a, b) => a - b);
  const fallback = known.length > 0 ? known[Math.floor(known.length / 2)] : recordedWallPerCpu(real);
  return measured.map((r) => r ?? fallback);
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
  const base = { env, ...recordingBoot(real), maxSeconds: null };
  const perStep = recordedStepWallPerCpu(real);
  if (!perStep) {
    // before allocators-11: one estimated wall/CPU, the switch interval in wall time as it was
    const wallPerCpu = recordedWallPerCpu(real);
    return simulateScript(source, { ...base, wallPerCpu, cpuPerModelCpu: wallPerCpu });
  }
  const cpuScale = recordedCpuPerModelCpu(real, (opts) => simulateScript(source, { ...base, ...opts }));
  return simulateScript(source, {
    ...base,
    wallPerCpu: perStep[0] * cpuScale,
    stepWallPerCpu: perStep.map((r) => r * cpuScale),
    cpuPerModelCpu: cpuScale,
  });
}

/** Below this much CPU in a recording's statements their CPU says little (two children differ by ~15 ms). */
const MIN_SCRIPT_CPU_S = 0.05;

/**
 * The real process's CPU time per CPU time the model charges (kernel/clock.ts cpuPerModelCpu): the
 * recorded CPU of the statements (the last step's `cpu` less `<start>`'s) over what the model charges
 * for them (its clock's advance at wallPerCpu 1, sleeps left out), from a first run of the model.
 * The same work costs more CPU on a loaded machine (the list-of-four loop: 1.5 µs at load 30,
 * ~0.47 µs quieter, the model's ~0.3), and the model's charges are calibrated on a quiet one.
 */
export function recordedCpuPerModelCpu(
  real: { steps: readonly unknown[] },
  run: (opts: { onStepClock: (step: number, clock: Clock) => void }) => Report,
): number {
  const steps = real.steps as TimedStep[];
  const realCpu = (steps[steps.length - 1].cpu as number) - (steps[0].cpu as number);
  if (!(realCpu >= MIN_SCRIPT_CPU_S)) return 1;
  const at: number[] = [];
  const sim = run({ onStepClock: (k, clock) => (at[k] = clock.now() - clock.sleptNs) });
  const last = sim.steps.length - 1;
  if (last < 1 || sim.steps.length !== steps.length) return 1;
  const modelCpu = (at[last] - at[0]) / 1e9;
  return modelCpu > 0 ? Math.min(20, Math.max(0.2, realCpu / modelCpu)) : 1;
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
