import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GlibcMalloc } from '../src/engine/glibc/malloc';
import { parseTrace, replayTrace } from '../src/engine/libc/trace';
import { Kernel } from '../src/engine/kernel/kernel';
import { compileReplay } from '../tests/native/nativeReplay';
import { generateTrace } from '../tests/native/traceGen';

const fmt = (n: number, d = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: d });

/** Simulated glibc ops per second on a mixed trace, against the real glibc replaying the same trace. */
export function benchGlibc(nOps = 2_000_000): string[] {
  const lines: string[] = [];
  // Memory per live chunk first, before the trace's garbage exists: a million live small chunks.
  const gcNow = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) gcNow?.();
  const before = process.memoryUsage();
  const g = new GlibcMalloc(new Kernel());
  const keep = new Float64Array(1_000_000);
  for (let i = 0; i < keep.length; i++) keep[i] = g.malloc(24 + (i % 13) * 16);
  for (let i = 0; i < 3; i++) gcNow?.();
  const after = process.memoryUsage();
  const live = g.av.store.liveSlots;
  const jsBytes =
    after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers - keep.byteLength;
  lines.push(
    `memory: ${fmt(live, 0)} live chunks; chunk columns ${fmt(g.av.store.byteSize / live)} B/chunk; ` +
      `JS heap + buffers grew ${fmt(jsBytes / live)} B/chunk${gcNow ? '' : ' (run with --expose-gc for an exact figure)'} (goal ≤ 32)`,
  );
  for (const profile of ['mixed', 'small']) lines.push(...benchProfile(profile, nOps));
  return lines;
}

/** One trace profile (tests/native/traceGen.ts): simulated vs real ops per second. */
function benchProfile(profile: string, nOps: number): string[] {
  const lines: string[] = [];
  const text = Array.from({ length: nOps / 100_000 }, (_, i) =>
    generateTrace(1000 + i, 100_000, profile),
  ).join('\n');
  const trace = parseTrace(text);

  let best = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const g = new GlibcMalloc(new Kernel());
    const t0 = process.hrtime.bigint();
    replayTrace(trace, g);
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
  }
  const simOps = trace.length / (best / 1e9);
  lines.push(
    `glibc model: ${fmt(trace.length, 0)} ops of a '${profile}' trace in ${fmt(best / 1e6)} ms = ${fmt(simOps / 1e6, 2)} M ops/s (goal ≥ 10 M ops/s)`,
  );

  try {
    const bin = compileReplay();
    const dir = mkdtempSync(join(tmpdir(), 'hw-bench-'));
    const file = join(dir, `${profile}.trace`);
    writeFileSync(file, text);
    let cBest = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      const err = spawnSync(bin, ['--time', file], { stdio: ['ignore', 'ignore', 'pipe'] }).stderr.toString();
      const m = /time_ns (\d+)/.exec(err);
      if (m) cBest = Math.min(cBest, Number(m[1]));
    }
    const cOps = trace.length / (cBest / 1e9);
    lines.push(
      `real glibc 2.36 replaying the same trace: ${fmt(cOps / 1e6, 2)} M ops/s; simulator/real speed ratio ${fmt(simOps / cOps, 3)}`,
    );
  } catch (e) {
    lines.push(`real glibc replay unavailable: ${(e as Error).message.split('\n')[0]}`);
  }

  return lines;
}
