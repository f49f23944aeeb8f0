import type { TimelineColumns } from '../protocol/messages';

export type SeriesKey = 'rss' | 'heap' | 'mmap' | 'arena';

/**
 * Pixel columns of the timeline: for each CSS pixel, the min and max of each series over the
 * events it covers (so a spike narrower than a pixel still shows), found by binary search on the
 * change points. Space: events on x, bytes on y.
 */
export interface TimelinePixels {
  width: number;
  min: Record<SeriesKey, Float64Array>;
  max: Record<SeriesKey, Float64Array>;
  peak: number;
}

/** Index of the last sample at or before event e (samples hold until the next one). */
export function sampleAt(t: TimelineColumns, e: number): number {
  let lo = 0;
  let hi = t.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.event[mid] <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function pixels(t: TimelineColumns, edges: Float64Array, width: number): TimelinePixels {
  const keys: SeriesKey[] = ['rss', 'heap', 'mmap', 'arena'];
  const min = {} as Record<SeriesKey, Float64Array>;
  const max = {} as Record<SeriesKey, Float64Array>;
  let peak = 0;
  const rss = t.rss;
  for (let i = 0; i < t.count; i++) if (rss[i] > peak) peak = rss[i];
  if (t.count === 0) {
    for (const k of keys) {
      min[k] = new Float64Array(width);
      max[k] = new Float64Array(width);
    }
    return { width, min, max, peak };
  }
  const first = sampleAt(t, edges[0]);
  const ev = t.event;
  // One pass per series: the sample holding at each pixel's start, then every change inside it.
  for (const k of keys) {
    const v = t[k];
    const lo = new Float64Array(width);
    const hi = new Float64Array(width);
    let s = first;
    for (let px = 0; px < width; px++) {
      const end = edges[px + 1];
      let a = v[s];
      let b = a;
      while (s + 1 < t.count && ev[s + 1] < end) {
        s++;
        const x = v[s];
        if (x < a) a = x;
        else if (x > b) b = x;
      }
      lo[px] = a;
      hi[px] = b;
    }
    min[k] = lo;
    max[k] = hi;
  }
  return { width, min, max, peak };
}

let last: { t: TimelineColumns; key: unknown; u0: number; u1: number; w: number; r: TimelinePixels } | null =
  null;

/**
 * Memoized on (timeline, axis, visible axis range, width): redrawing the playhead alone costs no
 * recomputation. Pixel i covers the events between toEvent of its two edges.
 */
export function timelinePixels(
  t: TimelineColumns,
  toEvent: (u: number) => number,
  axisKey: unknown,
  u: [number, number],
  width: number,
): TimelinePixels {
  if (
    last &&
    last.t === t &&
    last.key === axisKey &&
    last.u0 === u[0] &&
    last.u1 === u[1] &&
    last.w === width
  )
    return last.r;
  const edges = new Float64Array(width + 1);
  for (let i = 0; i <= width; i++) edges[i] = toEvent(u[0] + ((u[1] - u[0]) * i) / width);
  const r = pixels(t, edges, width);
  last = { t, key: axisKey, u0: u[0], u1: u[1], w: width, r };
  return r;
}

/** The largest value of any series over the visible pixels (y fits the zoom). */
export function visibleMax(px: TimelinePixels): number {
  let m = 0;
  for (const k of ['rss', 'heap', 'mmap', 'arena'] as const) {
    const a = px.max[k];
    for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  }
  return m;
}

/** The largest value of any series (the y domain). */
export function timelineMax(t: TimelineColumns): number {
  let m = 0;
  for (let i = 0; i < t.count; i++) m = Math.max(m, t.rss[i], t.heap[i], t.mmap[i], t.arena[i]);
  return m;
}
