/** One module's import footprint (tools/imports/capture_import.py, embedded in data.ts). */
export interface Footprint {
  /** The modules its import brings in first (each replays its own footprint). */
  deps: string[];
  /** What the recorder measured across the import that the trace does not carry. */
  delta: {
    rss: number;
    anonMmap: number;
    arenas: number;
    hblkhd: number;
    gc: { count: number[]; collections: number[]; objects: number[] };
  };
  /** The calls, in tools/imports/capture_import.py's format. */
  trace: string;
}

/** One interpreter's footprints, and the modules its recorder process has loaded at start-up. */
export interface FootprintSet {
  startup: string[];
  modules: Record<string, Footprint>;
}
