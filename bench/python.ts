import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SEED = 'a = [[0] * 100 for _ in range(1000000)]\ndel a\n';

/**
 * Wall time and peak memory of one command, measured by a small Python parent
 * (resource.getrusage(RUSAGE_CHILDREN).ru_maxrss is the child's peak RSS in KiB).
 */
function measure(argv: string[]): { seconds: number; peakMiB: number; ok: boolean; err: string } {
  const probe = [
    'import json, resource, subprocess, sys, time',
    't = time.perf_counter()',
    'p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)',
    'dt = time.perf_counter() - t',
    'print(json.dumps([dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, p.returncode, p.stderr.decode()[-300:]]))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', probe, ...argv], { encoding: 'utf8' });
  const [seconds, peakMiB, code, err] = JSON.parse(r.stdout) as [number, number, number, string];
  return { seconds, peakMiB, ok: code === 0, err };
}

/** The first seed scenario: the simulator's CLI against the real python3 (gc disabled, as the goal says). */
export function benchPython(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'hw-bench-'));
  const script = join(dir, 'seed.py');
  writeFileSync(script, SEED);
  const real = measure(['python3', '-c', `import gc; gc.disable(); exec(open(${JSON.stringify(script)}).read())`]);
  const sim = measure(['node', resolve('scripts/run-ts.mjs'), resolve('src/cli/main.ts'), script, '--json']);
  const lines = [
    `real python3 (gc disabled): ${real.seconds.toFixed(2)} s, peak RSS ${real.peakMiB.toFixed(0)} MiB`,
  ];
  if (!sim.ok) lines.push(`simulator CLI failed: ${sim.err.trim()}`);
  else
    lines.push(
      `simulator CLI (boot + run + report): ${sim.seconds.toFixed(2)} s, peak RSS ${sim.peakMiB.toFixed(0)} MiB`,
      `ratio simulator/real wall time ${(sim.seconds / real.seconds).toFixed(2)} (goal < 1); ` +
        `simulator peak / real peak ${(sim.peakMiB / real.peakMiB).toFixed(2)} (goal < 0.5)`,
    );
  return lines;
}
