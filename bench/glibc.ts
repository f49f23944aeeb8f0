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
  for (const profile of ['mixed', 'small', 'threads']) lines.push(...benchProfile(profile, nOps));
  return lines;
}

const REPS = 5;

/**
 * One trace profile (tests/native/traceGen.ts): the model's ops per CPU second (process.cpuUsage,
 * median and best of REPS: the figure that stays true on a busy machine) beside ops per wall
 * second, and the real glibc replaying the same trace with its page faults beside its time (on
 * this VM the real replay's time is mostly faults: mmapped chunks and trims fault pages back in).
 */
function benchProfile(profile: string, nOps: number): string[] {
  const lines: string[] = [];
  const text = Array.from({ length: nOps / 100_000 }, (_, i) =>
    generateTrace(1000 + i, 100_000, profile),
  ).join('\n');
  const trace = parseTrace(text);

  const cpu: number[] = [];
  const wall: number[] = [];
  let modelFaults = 0;
  for (let rep = 0; rep < REPS; rep++) {
    const g = new GlibcMalloc(new Kernel());
    if (rep === 0) modelFaults = -1; // read after the replay below
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    replayTrace(trace, g);
    wall.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    if (modelFaults < 0) modelFaults = g.kernel.faults;
  }
  const opsPer = (s: number[]): number[] => s.map((x) => trace.length / x / 1e6).sort((a, b) => a - b);
  const cpuOps = opsPer(cpu);
  const wallOps = opsPer(wall);
  const med = (xs: number[]): number => xs[Math.floor(xs.length / 2)];
  lines.push(
    `glibc model, '${profile}' trace of ${fmt(trace.length, 0)} ops: ${fmt(med(cpuOps), 2)} M ops per CPU second ` +
      `(median of ${REPS}; best ${fmt(cpuOps[cpuOps.length - 1], 2)}), ${fmt(med(wallOps), 2)} M per wall second (goal ≥ 10 M per CPU second)`,
  );

  try {
    const bin = compileReplay();
    const dir = mkdtempSync(join(tmpdir(), 'hw-bench-'));
    const file = join(dir, `${profile}.trace`);
    writeFileSync(file, text);
    let best = { ns: Infinity, minflt: 0 };
    // The threads trace's real replay takes tens of seconds (its 64 MiB heaps fault in): once.
    for (let rep = 0; rep < (profile === 'threads' ? 1 : 3); rep++) {
      const err = spawnSync(bin, ['--time', file], { stdio: ['ignore', 'ignore', 'pipe'] }).stderr.toString();
      const m = /time_ns (\d+) ops \d+ minflt (\d+)/.exec(err);
      if (m && Number(m[1]) < best.ns) best = { ns: Number(m[1]), minflt: Number(m[2]) };
    }
    const realOps = trace.length / (best.ns / 1e9) / 1e6;
    lines.push(
      `real glibc 2.36 replaying it: ${fmt(realOps, 2)} M ops per wall second with ${fmt(best.minflt, 0)} minor page faults ` +
        `(${fmt(best.minflt / trace.length, 2)} a op: the time is mostly this VM's faults, not glibc's algorithms); ` +
        `the model's kernel counted ${fmt(modelFaults, 0)} pages made resident by the same trace (the process's own start-up faults are not in it)`,
    );
  } catch (e) {
    lines.push(`real glibc replay unavailable: ${(e as Error).message.split('\n')[0]}`);
  }
  return lines;
}
