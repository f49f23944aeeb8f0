/**
 * What an explanation can point at. The page turns each reference into a selection, and every view
 * highlights the same memory. Addresses are bytes of address (not granules), so a reference means
 * the same thing in the heap strip, the address-space map and the pymalloc grid. A `chunk` is one
 * allocation of the C library whichever it is (a glibc chunk, a jemalloc region, a mimalloc block).
 */
export type MemoryRef =
  | { kind: 'chunk'; address: number; size: number }
  | { kind: 'heapRange'; from: number; to: number }
  | { kind: 'region'; start: number; length: number }
  | { kind: 'arena'; address: number }
  | { kind: 'pool'; address: number }
  | { kind: 'block'; address: number; size: number }
  | { kind: 'bin'; bin: 'tcache' | 'fastbin' | 'unsorted' | 'smallbin' | 'largebin'; index: number }
  | { kind: 'mmappedChunk'; address: number; size: number }
  /** A jemalloc extent (a slab, a large block, or dirty/muzzy/retained pages). */
  | { kind: 'extent'; address: number; size: number }
  /** A mimalloc segment (32 MiB, or a huge block's own). */
  | { kind: 'segment'; address: number; size: number }
  /** A mimalloc page (one block size in a run of 64 KiB slices). */
  | { kind: 'miPage'; address: number; size: number };

/** A sentence as plain text pieces, some of which name memory. */
export type SentencePart = string | { text: string; ref: MemoryRef };

export interface Sentence {
  /** Stable id for tests and keys (e.g. 'heap-pinned'). */
  id: string;
  parts: SentencePart[];
}

export const sentenceText = (s: Sentence): string =>
  s.parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
