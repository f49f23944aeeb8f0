/**
 * Holding a simulated run to a recorded real one (the rule): for rss, heap, anon_mmap,
 * fordblks and hblkhd, the change since `<start>` must agree within max(5% of the scenario's
 * largest real change of that figure, 1 MiB); for pymalloc's arenas, within max(5%, 2).
 *
 * The envelope rule (compareEnvelope), only for a program whose real runs are proven to differ
 * from each other beyond that tolerance (threads the OS schedules: tests/corpus/README.md,
 * "Runs that differ"): each figure's change must lie within the tolerance of [min, max] of the
 * same change over every recorded run, at every step. The tolerance is the single rule's, from
 * the first (stored) run.
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
  /** tools/hw_child.py's fingerprint: which child (and so which start-up) the recording measured. */
  recorder?: { child_sha256?: string };
}

/**
 * The boot a 3.11 recording is compared with: Debian's 3.11.2 for the NumPy ones, else pyenv's
 * 3.11.7, each from the start-up of the recorder child that made the recording (profiles.ts
 * RECORDER_CHILDREN: a recording's <start> holds its child's own blocks, so another child's
 * start-up begins a few blocks off).
 */
export function recordingBoot(real: Pick<RecordedRun, 'python' | 'recorder'>): {
  profile: 'debian-3.11.2' | 'cpython-3.11.7';
  recorderChild?: string;
} {
  return {
    profile: real.python === '3.11.2' ? 'debian-3.11.2' : 'cpython-3.11.7',
    recorderChild: real.recorder?.child_sha256,
  };
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
  return compareEnvelope([real], sim);
}

/**
 * `runs[0]` is the stored recording (its tolerance); the others are re-recordings of the same
 * script, same interpreter and environment. With one run this is exactly the single-run rule.
 * A mismatch's `real` is the nearest edge of the envelope.
 */
export function compareEnvelope(
  runs: StepFigures[][],
  sim: StepFigures[],
): { mismatches: Mismatch[]; rows: string[] } {
  const real = runs[0];
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
      let lo = rv - r0;
      let hi = lo;
      for (const run of runs.slice(1)) {
        const v0 = get(run[0]);
        const v = i < run.length ? get(run[i]) : null;
        if (v0 === null || v === null) continue;
        lo = Math.min(lo, v - v0);
        hi = Math.max(hi, v - v0);
      }
      const sv = i < sim.length ? get(sim[i]) : null;
      const sd = sv === null ? NaN : sv - s0;
      const rd = Number.isNaN(sd) || sd < lo ? lo : sd > hi ? hi : sd;
      const ok = Math.abs(rd - sd) <= tolerance;
      if (!ok) mismatches.push({ step: i, code: real[i].code, figure: name, real: rd, sim: sd, tolerance });
      const shown = lo === hi ? fmt(lo, name) : `[${fmt(lo, name)} .. ${fmt(hi, name)}]`;
      rows.push(
        `${ok ? ' ' : '✗'} step ${i} ${name.padEnd(9)} real Δ ${shown}  sim Δ ${fmt(sd, name)}  (± ${fmt(tolerance, name)})`,
      );
    }
  }
  return { mismatches, rows };
}

const fmt = (n: number, name: string): string =>
  name === 'arenas' ? String(n) : `${(n / MiB).toFixed(2)} MiB`;
