/**
 * Holding a simulated run to a recorded real one (the rule): for rss, heap, anon_mmap,
 * fordblks and hblkhd, the change since `<start>` must agree within max(5% of the scenario's
 * largest real change of that figure, 1 MiB); for pymalloc's arenas, within max(5%, 2).
 */
export interface StepFigures {
  code: string;
  rss: number;
  heap: number;
  anon_mmap: number;
  /** null where the process has no glibc malloc to ask (jemalloc or mimalloc preloaded) */
  mallinfo2: Record<string, number> | null;
  pymalloc: { arenas_allocated_current: number };
}

export interface RecordedRun {
  scenario: string;
  python: string;
  numpy: string | null;
  steps: StepFigures[];
}

const MiB = 1024 * 1024;

export const FIGURES: [string, (s: StepFigures) => number | null, number][] = [
  ['rss', (s) => s.rss, MiB],
  ['heap', (s) => s.heap, MiB],
  ['anon_mmap', (s) => s.anon_mmap, MiB],
  ['fordblks', (s) => s.mallinfo2?.fordblks ?? null, MiB],
  ['hblkhd', (s) => s.mallinfo2?.hblkhd ?? null, MiB],
  ['arenas', (s) => s.pymalloc.arenas_allocated_current, 2],
];

export interface Mismatch {
  step: number;
  code: string;
  figure: string;
  real: number;
  sim: number;
  tolerance: number;
}

export function compareRuns(
  real: StepFigures[],
  sim: StepFigures[],
): { mismatches: Mismatch[]; rows: string[] } {
  const mismatches: Mismatch[] = [];
  const rows: string[] = [];
  for (const [name, get, floor] of FIGURES) {
    const r0 = get(real[0]);
    const s0 = get(sim[0]);
    // a figure the real process could not report (mallinfo2 under a preloaded allocator) is not compared
    if (r0 === null || s0 === null) continue;
    let largest = 0;
    for (const s of real) {
      const v = get(s);
      if (v !== null) largest = Math.max(largest, Math.abs(v - r0));
    }
    const tolerance = Math.max(0.05 * largest, floor);
    for (let i = 1; i < real.length; i++) {
      // not measured at that step: pymalloc's stats are empty while tracemalloc hooks the allocator
      const rv = get(real[i]);
      if (rv === null) continue;
      const rd = rv - r0;
      const sv = i < sim.length ? get(sim[i]) : null;
      const sd = sv === null ? NaN : sv - s0;
      const ok = Math.abs(rd - sd) <= tolerance;
      if (!ok) mismatches.push({ step: i, code: real[i].code, figure: name, real: rd, sim: sd, tolerance });
      rows.push(
        `${ok ? ' ' : '✗'} step ${i} ${name.padEnd(9)} real Δ ${fmt(rd, name)}  sim Δ ${fmt(sd, name)}  (± ${fmt(tolerance, name)})`,
      );
    }
  }
  return { mismatches, rows };
}

const fmt = (n: number, name: string): string =>
  name === 'arenas' ? String(n) : `${(n / MiB).toFixed(2)} MiB`;
