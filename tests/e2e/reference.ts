import { glibcOf, type Snapshot } from '../../src/engine/trace/snapshot';
import type { FromWorker } from '../../src/protocol/messages';
import { Session } from '../../src/worker/session';
import { DEFAULT_ENV } from '../../src/protocol/environment';

/**
 * The engine's own figures for a script, computed in Node, to hold the page's figures against:
 * the interpreter's runScript report (the CLI's schema) when the interpreter is in the tree, else
 * the worker's own code path (the same Session the page's worker runs).
 */
export interface Reference {
  source: 'runScript' | 'session';
  statements: number;
  /** Index k: after k statements (0 = the start). */
  steps: { rss: number; heap: number; mallinfo2: Record<string, number> }[];
}

interface ReportStep {
  rss: number;
  heap: number;
  mallinfo2: Record<string, number>;
}

const found = import.meta.glob('../../src/engine/python/process.ts', { eager: true });
const python = Object.values(found)[0] as
  | { runScript?: (s: string, o: { tunables?: Record<string, number> }) => { steps: ReportStep[] } }
  | undefined;

export function referenceRun(source: string, tunables: Record<string, number> = {}): Reference {
  if (python?.runScript) {
    const report = python.runScript(source, { tunables });
    const steps = report.steps.map((s) => ({ rss: s.rss, heap: s.heap, mallinfo2: { ...s.mallinfo2 } }));
    return { source: 'runScript', statements: steps.length - 1, steps };
  }
  const snaps: Snapshot[] = [];
  let done: Extract<FromWorker, { type: 'runDone' }> | null = null;
  const s = new Session((m) => {
    if (m.type === 'snapshot') snaps.push(m.snapshot);
    if (m.type === 'runDone') done = m;
  });
  s.start(1, source, { tunables, env: DEFAULT_ENV }, { statement: 0, event: null });
  const statements = (done as unknown as Extract<FromWorker, { type: 'runDone' }>).statementEnd.length;
  const steps: Reference['steps'] = [];
  for (let k = 0; k <= statements; k++) {
    s.goto(1, k + 1, { statement: k, event: null });
    const snap = snaps[snaps.length - 1];
    steps.push({
      rss: snap.scalars.rss,
      heap: snap.scalars.brk - snap.scalars.heapStart,
      mallinfo2: { ...glibcOf(snap)!.mallinfo },
    });
  }
  return { source: 'session', statements, steps };
}

/** The mallinfo2 fields the reference has, taken from the page's figures. */
export const sameFields = (
  page: Record<string, number>,
  ref: Record<string, number>,
): Record<string, number> => Object.fromEntries(Object.keys(ref).map((k) => [k, page[k]]));
