/**
 * The whole simulated process (CPython 3.11.7 booted from its capture, pymalloc, the C library) under
 * jemalloc and mimalloc, against RSS measured on the real interpreter with the same LD_PRELOAD and
 * settings (alloc-traces/python-rss.json: medians of 3 runs). Held: how much RSS the statement adds and
 * how much `del` leaves, within 1 MiB. The start itself is not: the boot calibrates its baseline on
 * the glibc recording, so it lacks the preloaded library's own pages (1–2 MiB).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './nativeReplay';

interface Case {
  env: string[];
  n: number;
  k: number;
  rss: [number, number, number];
}
const { cases } = JSON.parse(
  readFileSync(join(ROOT, 'tests/native/alloc-traces/python-rss.json'), 'utf8'),
) as { cases: Case[] };
const dir = mkdtempSync(join(tmpdir(), 'hw-pyalloc-'));
const MiB = 1024 * 1024;

function simulate(c: Case): number[] {
  const file = join(dir, `s-${c.n}-${c.k}.py`);
  writeFileSync(file, `a = [[0] * ${c.k} for _ in range(${c.n})]\ndel a\n`);
  const args = [
    resolve(ROOT, 'scripts/run-ts.mjs'),
    resolve(ROOT, 'src/cli/main.ts'),
    file,
    '--json',
    ...c.env.flatMap((e) => ['--env', e]),
  ];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`sim failed: ${r.stderr}`);
  const steps = (JSON.parse(r.stdout) as { steps: { rss: number }[] }).steps;
  return steps.map((s) => s.rss / MiB);
}

describe('CPython under jemalloc and mimalloc: RSS a statement adds and del leaves (vs the real interpreter)', () => {
  for (const c of cases) {
    it(`${c.env.join(' ')}: [[0]*${c.k} for _ in range(${c.n})]; del a`, () => {
      const [s0, s1, s2] = simulate(c);
      const [r0, r1, r2] = c.rss;
      expect(
        Math.abs(s1 - s0 - (r1 - r0)),
        `build: model +${(s1 - s0).toFixed(2)}, real +${(r1 - r0).toFixed(2)} MiB`,
      ).toBeLessThan(1);
      expect(
        Math.abs(s2 - s0 - (r2 - r0)),
        `after del: model +${(s2 - s0).toFixed(2)}, real +${(r2 - r0).toFixed(2)} MiB`,
      ).toBeLessThan(1);
    }, 120_000);
  }
});
