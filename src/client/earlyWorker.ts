/**
 * The simulator's worker, started as the page's entry chunk (ui/main.tsx) is evaluated, before the
 * page proper (ui/boot.tsx: React, the views) is even fetched: the worker's script is fetched and
 * its modules evaluated while the page's bundle downloads and evaluates, on the other core. Started
 * at the end of one bundle instead (perf-16), the worker began only once the page's bundle had run:
 * a share link waited 9.6 s at load 28 before the worker took its run, 4.1 s of it before the
 * worker was even made (bench/shareLinkParts.ts).
 */
let early: Worker | null = null;
/**
 * Its script failed to load (a 404, a network error) before the client adopted it: that error event
 * has gone by with no one to hear it, so the worker is not handed over; the client starts its own,
 * which fails in its hands and is reported with Retry.
 */
let failed = false;

/** The simulator's worker as Vite bundles it (one bundle, however many workers the page starts). */
export const newWorker = (): Worker =>
  new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });

if (typeof Worker !== 'undefined' && typeof document !== 'undefined') {
  try {
    early = newWorker();
    early.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      failed = true;
    };
  } catch {
    early = null; // the page's client starts its own and reports why it cannot
  }
}

/** The worker this module started, once (null after the first call, or when none could start). */
export function takeEarlyWorker(): Worker | null {
  const w = early;
  early = null;
  if (w !== null && failed) {
    w.terminate();
    return null;
  }
  return w;
}
