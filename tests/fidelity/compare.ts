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
  mallinfo2: Record<string, number>;
  pymalloc: { arenas_allocated_current: number };
}

export interface RecordedRun {
  scenario: string;
  python: string;
  numpy: string | null;
  steps: StepFigures[];
}

const MiB = 1024 * 1024;

export const FIGURES: [string, (s: StepFigures) => number, number][] = [
  ['rss', (s) => s.rss, MiB],
  ['heap', (s) => s.heap, MiB],
  ['anon_mmap', (s) => s.anon_mmap, MiB],
  ['fordblks', (s) => s.mallinfo2.fordblks, MiB],
  ['hblkhd', (s) => s.mallinfo2.hblkhd, MiB],
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
    let largest = 0;
    for (const s of real) if (get(s) !== null) largest = Math.max(largest, Math.abs(get(s) - r0));
    const tolerance = Math.max(0.05 * largest, floor);
    for (let i = 1; i < real.length; i++) {
      // not measured at that step: pymalloc's stats are empty while tracemalloc hooks the allocator
      if (get(real[i]) === null) continue;
      const rd = get(real[i]) - r0;
      const sd = i < sim.length ? get(sim[i]) - s0 : NaN;
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
