import { unpackFootprints } from './packed';
import type { FootprintSet, PackedFootprints } from './types';

/**
 * Where the import footprints come from. They are data (footprints.json, 4.6 MB), not part of the
 * engine's code: the page's worker fetches the file while it starts (worker/footprintsAsset.ts: runs do
 * not wait for it; an import before the fetch ended reads it synchronously); Node's entry points read it
 * from disk (scripts/bundle.mjs
 * rewrites the line below in Node's bundles; the unit tests' set-up provides it: tests/setup). The
 * engine reads them synchronously, at a script's first import.
 */
export type FootprintSource = () => PackedFootprints;

// scripts/bundle.mjs rewrites this line in Node's bundles to read footprints.json beside this file
let source: FootprintSource | null = null;
let sets: Record<string, FootprintSet> | null = null;

/** The footprints, or a function that yields them when first needed (read from disk, or throws why not). */
export function provideFootprints(packed: PackedFootprints | FootprintSource): void {
  source = typeof packed === 'function' ? packed : () => packed;
  sets = null;
}

export function footprintsProvided(): boolean {
  return source !== null;
}

/** One interpreter's footprints (null: none captured for it); throws where none were provided. */
export function footprintSet(version: string): FootprintSet | null {
  if (sets === null) {
    if (source === null)
      throw new Error(
        'the import footprints are not loaded: provideFootprints() (footprints/store.ts) before running a script',
      );
    sets = unpackFootprints(source());
  }
  return sets[version] ?? null;
}
