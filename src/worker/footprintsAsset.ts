import footprintsUrl from '../engine/python/modules/footprints/footprints.json?url';
import { provideFootprints } from '../engine/python/modules/footprints/store';
import type { PackedFootprints } from '../engine/python/modules/footprints/types';

/**
 * The import footprints, fetched as a file of their own (Vite emits footprints.json as an asset): as
 * string literals in this worker's module they were 4.6 MB of its 8.1 MB, which Chromium compiles
 * unstreamed before a module worker runs anything (1.4 s of v8.compileModule in perf-9's trace). The
 * fetch starts when the worker's module is evaluated; the run waits for it (worker.ts). A failed fetch
 * is told where a script first needs the footprints (its first import), not before.
 */
export function fetchFootprints(): Promise<void> {
  return fetch(footprintsUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<PackedFootprints>;
    })
    .then(
      (packed) => provideFootprints(packed),
      (err: unknown) =>
        provideFootprints(() => {
          throw new Error(
            `the import footprints (${footprintsUrl}) could not be fetched: ${(err as Error).message ?? String(err)}; reload the page`,
          );
        }),
    );
}
