import { GlibcMalloc } from '../src/engine/glibc/malloc';
import { Kernel } from '../src/engine/kernel/kernel';
import { parseTrace, replayTrace } from '../src/engine/libc/trace';
import { generateTrace } from '../tests/native/traceGen';

/**
 * The glibc section's replay alone, for a profiler or an A/B of two builds (bench/README.md):
 *   node --cpu-prof scripts/run-ts.mjs bench/profGlibc.ts mixed|small|threads
 * Five replays of the bench's 2·10^6-op trace, each one's ops per CPU second (process.cpuUsage).
 */
const profile = process.argv[2] ?? 'mixed';
const text = Array.from({ length: 20 }, (_, i) => generateTrace(1000 + i, 100_000, profile)).join('\n');
const trace = parseTrace(text);
for (let r = 0; r < 5; r++) {
  const g = new GlibcMalloc(new Kernel());
  const c0 = process.cpuUsage();
  replayTrace(trace, g);
  const c = process.cpuUsage(c0);
  console.log(profile, (trace.length / ((c.user + c.system) / 1e6) / 1e6).toFixed(2), 'M ops/CPU s');
}
