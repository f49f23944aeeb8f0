/**
 * Judge environment recordings as envHeldout*.test.ts does (tests/fidelity/envRuns.ts
 * judgeEnvRecording), one line each, without vitest:
 *
 *   node scripts/run-ts.mjs tools/clock/judge_env.ts PRESET/NAME ... [--rows]
 *
 * Prints `within (<run>)` or the figures outside per run, and the wall time per CPU second the
 * simulation ran each statement at (the recording's own, envRuns.ts recordedStepWallPerCpu).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeEnvRecording, recordedStepWallPerCpu, recordedWallPerCpu } from '../../tests/fidelity/envRuns';

const args = process.argv.slice(2);
const rows = args.includes('--rows');
for (const key of args.filter((a) => !a.startsWith('--'))) {
  const [preset, name] = key.split('/');
  const real = JSON.parse(
    readFileSync(join('tests', 'fidelity', 'recorded', 'env', preset, `${name}.json`), 'utf8'),
  ) as { steps: unknown[] };
  const perStep = recordedStepWallPerCpu(real);
  const clock = perStep
    ? `per step ${perStep.map((r) => r.toFixed(1)).join(' ')}`
    : `${recordedWallPerCpu(real).toFixed(1)} (estimated)`;
  const { matched, simError, attempts } = judgeEnvRecording(preset, name);
  if (simError) console.log(`${key}: simulator error ${simError}`);
  else if (matched) console.log(`${key}: within (${matched}); wall/CPU ${clock}`);
  else {
    console.log(`${key}: OUTSIDE; wall/CPU ${clock}`);
    for (const a of attempts) {
      console.log(`  ${a.label}: ${a.mismatches.join(' ')}`);
      if (rows) for (const r of a.rows) console.log(`    ${r}`);
    }
  }
}
