import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * NumPy's per-array cost (issue 10): `xs = [np.zeros(100) for _ in range(N)]` at N = 10^5, 10^6
 * and 3·10^6, the simulator's CLI against Debian's python3 + NumPy 1.24.2 (gc disabled) on the
 * same script, in one run. CPU time (user + system, from getrusage of the child) and peak RSS;
 * the cost per array is the slope between two sizes, so the simulator's start-up (boot, the
 * import footprint) cancels out: flat means linear.
 */
function measure(argv: string[]): { cpu: number; peakMiB: number; ok: boolean; err: string } {
  const probe = [
    'import json, resource, subprocess, sys',
    'p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)',
    'u = resource.getrusage(resource.RUSAGE_CHILDREN)',
    'print(json.dumps([u.ru_utime + u.ru_stime, u.ru_maxrss / 1024, p.returncode, p.stderr.decode()[-300:]]))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', probe, ...argv], { encoding: 'utf8' });
  const [cpu, peakMiB, code, err] = JSON.parse(r.stdout) as [number, number, number, string];
  return { cpu, peakMiB, ok: code === 0, err };
}

export function benchNumpy(sizes = [100_000, 1_000_000, 3_000_000]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'hw-bench-np-'));
  const lines: string[] = [];
  const rows: { n: number; sim: ReturnType<typeof measure>; real: ReturnType<typeof measure> }[] = [];
  for (const n of sizes) {
    const script = join(dir, `np_${n}.py`);
    writeFileSync(script, `import numpy as np\nxs = [np.zeros(100) for _ in range(${n})]\n`);
    const real = measure([
      '/usr/bin/python3',
      '-c',
      `import gc; gc.disable(); exec(open(${JSON.stringify(script)}).read())`,
    ]);
    const sim = measure(['node', resolve('bin/highwater'), script, '--json']);
    rows.push({ n, sim, real });
    lines.push(
      `N=${n.toLocaleString('en-US')}: simulator ${sim.ok ? `${sim.cpu.toFixed(2)} s CPU, peak ${sim.peakMiB.toFixed(0)} MiB` : `failed: ${sim.err.trim()}`}; ` +
        `real ${real.cpu.toFixed(2)} s CPU, peak ${real.peakMiB.toFixed(0)} MiB; ratio time ${(sim.cpu / real.cpu).toFixed(2)}, memory ${(sim.peakMiB / real.peakMiB).toFixed(2)}`,
    );
  }
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    const dn = b.n - a.n;
    lines.push(
      `per array from ${a.n.toLocaleString('en-US')} to ${b.n.toLocaleString('en-US')}: simulator ${(((b.sim.cpu - a.sim.cpu) / dn) * 1e6).toFixed(2)} µs, ` +
        `${(((b.sim.peakMiB - a.sim.peakMiB) * 1048576) / dn).toFixed(0)} B; real ${(((b.real.cpu - a.real.cpu) / dn) * 1e6).toFixed(2)} µs, ` +
        `${(((b.real.peakMiB - a.real.peakMiB) * 1048576) / dn).toFixed(0)} B`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const l of benchNumpy()) console.log(l);
