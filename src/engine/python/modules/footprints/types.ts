/** What the recorder measured across an import that its trace does not carry. */
export interface FootprintDelta {
  rss: number;
  anonMmap: number;
  arenas: number;
  hblkhd: number;
  gc: { count: number[]; collections: number[]; objects: number[] };
}

/**
 * The cyclic garbage an import leaves (tools/imports/capture_garbage.py): for each generation it sits
 * in at the import's end (0, 1, 2), how many objects a collection of it finds and the footprint's
 * ids of the blocks it frees (`p`: pymalloc-level, `g`: C-library).
 */
export type ImportGarbage = readonly { count: number; p: readonly number[]; g: readonly number[] }[];

/** One module's import footprint (tools/imports/capture_import.py, packed in footprints.json). */
export interface Footprint {
  /** The modules its import brings in first (each replays its own footprint). */
  deps: string[];
  delta: FootprintDelta;
  /** The calls after its dependencies' imports, in tools/imports/capture_import.py's format. */
  trace: string;
  garbage?: ImportGarbage;
  /** The whole import with its dependencies' nested inside, for a process that has none of them yet. */
  alone?: { delta: FootprintDelta; trace: string; garbage?: ImportGarbage };
}

/** One interpreter's footprints, and the modules its recorder process has loaded at start-up. */
export interface FootprintSet {
  startup: string[];
  modules: Record<string, Footprint>;
}

/**
 * One footprint as footprints.json holds it (tools/imports/embed_footprints.ts): the traces deflated
 * and base64-encoded, inflated on first read (packed.ts).
 */
export interface PackedFootprint {
  deps: string[];
  delta: FootprintDelta;
  trace: string;
  garbage?: ImportGarbage;
  alone?: { delta: FootprintDelta; trace: string; garbage?: ImportGarbage };
}

/** footprints.json: by interpreter version ('3.11.7'). */
export type PackedFootprints = Record<string, { startup: string[]; modules: Record<string, PackedFootprint> }>;
