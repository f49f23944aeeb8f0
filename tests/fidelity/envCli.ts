/**
 * The environment recordings as a table, for working on the allocator models (envAllocators and
 * envThreads hold the same rule):
 *
 *     node scripts/run-ts.mjs tests/fidelity/envCli.ts [PRESET[/NAME] ...] [--verbose]
 *
 * For each recording under recorded/env/<preset>/: the simulator's run with the recording's --env,
 * compared step by step (compare.ts) with it and, if it does not agree, with its reruns
 * (recorded/env-reruns/, envRuns.ts judgeEnvRecording), and per preset "within / total".
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeEnvRecording } from './envRuns';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const wanted = args.filter((a) => !a.startsWith('--'));
const envDir = join(here, 'recorded', 'env');
const presets = readdirSync(envDir).filter(
  (p) => wanted.length === 0 || wanted.some((w) => w.split('/')[0] === p),
);
const totals: string[] = [];
for (const preset of presets) {
  const names = readdirSync(join(envDir, preset))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .filter((n) => wanted.length === 0 || wanted.includes(preset) || wanted.includes(`${preset}/${n}`));
  let within = 0;
  for (const name of names) {
    const t0 = performance.now();
    let line: string;
    let rows: string[] = [];
    try {
      const { matched, simError, attempts } = judgeEnvRecording(preset, name);
      const shown = attempts.find((a) => a.label === matched) ?? attempts[0];
      rows = shown?.rows ?? [];
      if (matched) within++;
      line = simError
        ? `ERROR ${simError}`
        : matched
          ? `ok (${matched}${attempts.length > 1 ? `; ${attempts.length - 1} real run(s) before it did not agree` : ''})`
          : `FAIL (${attempts.map((a) => `${a.label}: ${a.mismatches.join(' ')}`).join('; ')})`;
      if (verbose) for (const a of attempts) if (a !== shown) rows.push(`  -- ${a.label}`, ...a.rows);
    } catch (e) {
      line = `THROWS ${(e as Error).message}`;
    }
    console.log(`## ${preset}/${name} (${(performance.now() - t0).toFixed(0)} ms) ${line}`);
    for (const r of rows) if (verbose || r.startsWith('✗')) console.log(r);
  }
  totals.push(`${preset}: ${within} / ${names.length}`);
}
console.log(totals.join('\n'));
