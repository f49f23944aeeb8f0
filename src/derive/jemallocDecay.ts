import { H_STEPS, SMOOTHSTEP_NSTEPS } from '../engine/jemalloc/decay';
import type { JemallocDecayState } from '../engine/libc/section';

/**
 * Where one decay curve goes from here if no page is added: after j more epochs, the pages added
 * in epoch i of the backlog count with weight h[i − j] (those older than 200 epochs count nothing),
 * which is the limit decay_backlog_npages_limit will compute then. Pages above the limit are purged
 * by the first allocator call after that epoch's deadline; with no call, nothing is purged.
 */
export interface DecayProjection {
  /** Pages waiting now. */
  pages: number;
  /** (time in ns of the simulated clock, pages that may still wait then), one point per epoch. */
  points: { tNs: number; pages: number }[];
  /** When the limit reaches 0 (every waiting page purgeable), or null when it already is / never. */
  emptyAtNs: number | null;
}

export function projectDecay(d: JemallocDecayState, pages: number): DecayProjection {
  if (d.decayMs <= 0 || d.intervalNs <= 0)
    return { pages, points: [{ tNs: d.epochNs, pages: d.decayMs === 0 ? 0 : pages }], emptyAtNs: null };
  const points: { tNs: number; pages: number }[] = [];
  let emptyAtNs: number | null = null;
  for (let j = 0; j <= SMOOTHSTEP_NSTEPS; j++) {
    let sum = 0;
    for (let i = j; i < SMOOTHSTEP_NSTEPS; i++) if (d.backlog[i] !== 0) sum += d.backlog[i] * H_STEPS[i - j];
    const limit = Math.floor(sum / 2 ** 24);
    const left = Math.min(pages, limit);
    points.push({ tNs: d.epochNs + j * d.intervalNs, pages: left });
    if (left === 0 && emptyAtNs === null && pages > 0) emptyAtNs = d.epochNs + j * d.intervalNs;
    if (left === 0) break;
  }
  return { pages, points, emptyAtNs };
}

/** Pages that may still wait `afterNs` from `nowNs`, by the projection. */
export function pagesAfter(p: DecayProjection, nowNs: number, afterNs: number): number {
  const t = nowNs + afterNs;
  let pages = p.pages;
  for (const pt of p.points) if (pt.tNs <= t) pages = pt.pages;
  return pages;
}
