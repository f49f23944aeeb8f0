import footprintsUrl from '../engine/python/modules/footprints/footprints.json?url';
import { provideFootprints } from '../engine/python/modules/footprints/store';
import type { PackedFootprints } from '../engine/python/modules/footprints/types';

/**
 * The import footprints, fetched as a file of their own (Vite emits footprints.json as an asset): as
 * string literals in this worker's module they were 4.6 MB of its 8.1 MB, which Chromium compiles
 * unstreamed before a module worker runs anything (1.4 s of v8.compileModule in perf-9's trace).
 *
 * The run does not wait for them: the engine asks for them only at a script's first import of a
 * module its start-up did not load (footprint.ts; the first seed, classes, f-strings never ask).
 * Waiting before every run cost the share link 1.4 s of wall time at load 24 (perf-11's probe:
 * the fetch and the parse of 4.7 MB between the run's message and Session.start). So the fetch starts
 * as the module is evaluated and fills `fetched` when it ends; an import asked for earlier (the worker
 * is busy running, so the fetch's callbacks cannot run) reads the file synchronously (a synchronous
 * XMLHttpRequest, allowed in workers: the same URL, usually from the HTTP cache). A failed read is told
 * where a script first needs the footprints (its first import), not before.
 */
export function fetchFootprints(): void {
  let fetched: PackedFootprints | null = null;
  provideFootprints(() => fetched ?? readNow());
  fetch(footprintsUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<PackedFootprints>;
    })
    .then(
      (packed) => {
        fetched = packed;
      },
      // a failed fetch leaves the synchronous read to try again, and to say why when it fails too
      () => undefined,
    );
}

/** footprints.json read synchronously (an import before the fetch ended); throws why not. */
function readNow(): PackedFootprints {
  let reason: string;
  try {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', footprintsUrl, false);
    xhr.send();
    if (xhr.status === 200) return JSON.parse(xhr.responseText) as PackedFootprints;
    reason = `HTTP ${xhr.status}`;
  } catch (err) {
    reason = (err as Error).message ?? String(err);
  }
  throw new Error(
    `the import footprints (${footprintsUrl}) could not be fetched: ${reason}; reload the page`,
  );
}
