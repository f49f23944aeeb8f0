import type { StatementInfo } from '../protocol/messages';

/**
 * The timeline's x axis. Two modes: by statement (each step the same width, so a 6-million-event
 * statement and a 3-event one are equally easy to reach) or by allocator events (x proportional to
 * work). In both, `import` statements can be collapsed to a sliver (NumPy's import is 99 % of the
 * events of a NumPy script). Spaces: events (the run's own counter) and axis units u (0 … total),
 * mapped piecewise-linearly through the segments' edges.
 */
export type AxisMode = 'statement' | 'events';

export interface Segment {
  /** 0: the interpreter's start-up; k ≥ 1: statement k. */
  k: number;
  e0: number;
  e1: number;
  u0: number;
  u1: number;
  isImport: boolean;
}

export interface TimelineAxis {
  mode: AxisMode;
  segments: Segment[];
  total: number;
  toU: (e: number) => number;
  toEvent: (u: number) => number;
}

const IMPORT = /^\s*(import|from)\s/;

export function buildAxis(
  mode: AxisMode,
  statementEnd: ArrayLike<number>,
  loadEvents: number,
  totalEvents: number,
  statements: StatementInfo[],
  collapseImports: boolean,
): TimelineAxis {
  const edges: { k: number; e0: number; e1: number; isImport: boolean }[] = [
    { k: 0, e0: 0, e1: loadEvents, isImport: false },
  ];
  let prev = loadEvents;
  for (let k = 0; k < statementEnd.length; k++) {
    edges.push({ k: k + 1, e0: prev, e1: statementEnd[k], isImport: IMPORT.test(statements[k]?.code ?? '') });
    prev = statementEnd[k];
  }
  if (prev < totalEvents)
    edges.push({ k: statementEnd.length + 1, e0: prev, e1: totalEvents, isImport: false });
  // Weights: a statement is 1 unit (start-up 0.5) or its event count; a collapsed import is a
  // sliver (a quarter unit, or 1 % of the events).
  const weight = (s: (typeof edges)[number]): number => {
    if (mode === 'statement') return s.k === 0 ? 0.5 : s.isImport && collapseImports ? 0.25 : 1;
    const n = s.e1 - s.e0;
    // By events the interpreter's start-up is collapsed with the imports (it is most of a short run).
    return (s.isImport || s.k === 0) && collapseImports ? Math.min(n, Math.max(1, totalEvents * 0.01)) : n;
  };
  const segments: Segment[] = [];
  let u = 0;
  for (const s of edges) {
    const w = weight(s);
    segments.push({ ...s, u0: u, u1: u + w });
    u += w;
  }
  const total = Math.max(u, 1e-9);
  const find = (x: number, lo: (s: Segment) => number, hi: (s: Segment) => number): Segment => {
    let a = 0;
    let b = segments.length - 1;
    while (a < b) {
      const m = (a + b) >> 1;
      if (hi(segments[m]) < x) a = m + 1;
      else b = m;
    }
    void lo;
    return segments[a];
  };
  const toU = (e: number): number => {
    if (segments.length === 0) return 0;
    const s = find(
      e,
      (x) => x.e0,
      (x) => x.e1,
    );
    if (s.e1 === s.e0) return s.u1;
    return s.u0 + ((Math.min(Math.max(e, s.e0), s.e1) - s.e0) / (s.e1 - s.e0)) * (s.u1 - s.u0);
  };
  const toEvent = (x: number): number => {
    if (segments.length === 0) return 0;
    const s = find(
      x,
      (y) => y.u0,
      (y) => y.u1,
    );
    if (s.u1 === s.u0) return s.e1;
    return s.e0 + ((Math.min(Math.max(x, s.u0), s.u1) - s.u0) / (s.u1 - s.u0)) * (s.e1 - s.e0);
  };
  return { mode, segments, total, toU, toEvent };
}

/**
 * Labels that never overlap: keep a label only when it starts past the previous kept one's end
 * (plus a gap). Input in screen order; widths in pixels.
 */
export function placeLabels<T extends { x: number; width: number }>(labels: T[], gap = 4): T[] {
  const kept: T[] = [];
  let end = -Infinity;
  for (const l of labels) {
    if (l.x < end + gap) continue;
    kept.push(l);
    end = l.x + l.width;
  }
  return kept;
}
