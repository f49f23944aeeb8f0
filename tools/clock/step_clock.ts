/**
 * The simulated clock at each step of an environment recording against the real recording's own
 * timestamps (allocators-16):
 *
 *   node scripts/run-ts.mjs tools/clock/step_clock.ts PRESET/NAME ...
 *
 * Per step: the real step's wall time (`t` of its process less `t` of the previous step's: each step
 * is a fresh process running statements 1..k, so this is the step's own time within the noise of two
 * spawns), its CPU (`cpu` or mimalloc's user + system counters, where recorded), and the simulation's
 * advance of its clock over the step (wall, and CPU at wallPerCpu 1 when the recording scales it), run
 * as the fidelity harness runs it (envRuns.ts simulateRecording, the recording's own wall/CPU).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLibcEnv } from '../../src/engine/libc/env';
import { simulateScript } from '../../src/engine/simulate';
import { recordingBoot } from '../../tests/fidelity/compare';
import { recordedCpuPerModelCpu, recordedStepWallPerCpu, recordedWallPerCpu, type EnvRecording } from '../../tests/fidelity/envRuns';

interface Step {
  code: string;
  t?: number | null;
  cpu?: number | null;
  rss: number;
  mimalloc?: { user_msecs?: number; system_msecs?: number } | null;
}

const ms = (x: number | null) => (x === null || !Number.isFinite(x) ? '      -' : x.toFixed(1).padStart(7));

for (const key of process.argv.slice(2)) {
  const [preset, name] = key.split('/');
  const real = JSON.parse(
    readFileSync(join('tests', 'fidelity', 'recorded', 'env', preset, `${name}.json`), 'utf8'),
  ) as EnvRecording;
  const steps = real.steps as unknown as Step[];
  const source = readFileSync(real.scenario_path, 'utf8');
  const { env } = parseLibcEnv(real.environment);
  const base = { env, ...recordingBoot(real), maxSeconds: null };
  const perStep = recordedStepWallPerCpu(real);
  const at: { wall: number; slept: number }[] = [];
  const onStepClock = (k: number, clock: { now(): number; sleptNs: number }) =>
    (at[k] = { wall: clock.now(), slept: clock.sleptNs });
  let note: string;
  let sim: { steps: { rss: number }[] };
  if (perStep) {
    const cpuScale = recordedCpuPerModelCpu(real, (opts) => simulateScript(source, { ...base, ...opts }));
    note = `per step wall/CPU ${perStep.map((r) => r.toFixed(1)).join(' ')}, cpuPerModelCpu ${cpuScale.toFixed(2)}`;
    sim = simulateScript(source, {
      ...base,
      wallPerCpu: perStep[0] * cpuScale,
      stepWallPerCpu: perStep.map((r) => r * cpuScale),
      cpuPerModelCpu: cpuScale,
      onStepClock,
    });
  } else {
    const w = recordedWallPerCpu(real);
    note = `wall/CPU ${w.toFixed(1)} (estimated)`;
    sim = simulateScript(source, { ...base, wallPerCpu: w, cpuPerModelCpu: w, onStepClock });
  }
  console.log(`${key}: ${note}`);
  console.log('  step  real wall ms  real cpu ms  sim wall ms  sim slept ms  sim clock at end ms  rss real   rss sim  code');
  const cpuOf = (s: Step) =>
    typeof s.cpu === 'number'
      ? s.cpu * 1000
      : s.mimalloc && typeof s.mimalloc.user_msecs === 'number'
        ? (s.mimalloc.user_msecs ?? 0) + (s.mimalloc.system_msecs ?? 0)
        : null;
  for (let k = 1; k < steps.length; k++) {
    const s = steps[k];
    const p = steps[k - 1];
    const realWall = typeof s.t === 'number' && typeof p.t === 'number' ? (s.t - p.t) * 1000 : null;
    const c = cpuOf(s);
    const cp = cpuOf(p);
    const realCpu = c !== null && cp !== null ? c - cp : null;
    const simWall = at[k] && at[k - 1] ? (at[k].wall - at[k - 1].wall) / 1e6 : null;
    const simSlept = at[k] && at[k - 1] ? (at[k].slept - at[k - 1].slept) / 1e6 : null;
    const mib = (x: number) => (x / 2 ** 20).toFixed(1).padStart(8);
    const rss = `${mib(s.rss - steps[0].rss)}  ${sim.steps[k] ? mib(sim.steps[k].rss - sim.steps[0].rss) : '       -'}`;
    console.log(
      `  ${String(k).padStart(4)}  ${ms(realWall)}       ${ms(realCpu)}      ${ms(simWall)}      ${ms(simSlept)}  ${ms(at[k] ? at[k].wall / 1e6 : null).padStart(19)}  ${rss}  ${s.code.slice(0, 50)}`,
    );
  }
}
