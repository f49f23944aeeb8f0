/**
 * Colours from the Okabe–Ito palette (safe for the common colour-vision deficiencies), always shown
 * next to a text label or a pattern, never as the only cue.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

/** Chunk categories in the order of ChunkState 1..7 (InUse … Top); index 0 unused. */
export const CHUNK_CATEGORIES = [
  { state: 1, key: 'inuse', label: 'in use', color: OKABE_ITO.blue, pattern: 'solid' },
  { state: 2, key: 'tcache', label: 'free: tcache', color: OKABE_ITO.purple, pattern: 'hatch' },
  { state: 3, key: 'fastbin', label: 'free: fastbin', color: OKABE_ITO.vermillion, pattern: 'dots' },
  { state: 4, key: 'unsorted', label: 'free: unsorted', color: OKABE_ITO.yellow, pattern: 'solid' },
  { state: 5, key: 'smallbin', label: 'free: small bin', color: OKABE_ITO.green, pattern: 'solid' },
  { state: 6, key: 'largebin', label: 'free: large bin', color: OKABE_ITO.sky, pattern: 'solid' },
  { state: 7, key: 'top', label: 'top', color: '#d9d9d9', pattern: 'solid' },
] as const;
export const N_CATEGORIES = 8;

/**
 * jemalloc extent states as the views draw them (JemallocExtents.state 0 … 4, the slab split into
 * its regions in use and free). Resident-and-free pages (dirty) are hatched orange: they are what
 * decay will purge; retained pages are only address space.
 */
export const EXTENT_CATEGORIES = [
  { key: 'slabUsed', label: 'slab: regions in use', color: OKABE_ITO.blue, pattern: 'solid' },
  { key: 'slabFree', label: 'slab: free regions', color: OKABE_ITO.sky, pattern: 'solid' },
  { key: 'large', label: 'large block', color: '#1d4f73', pattern: 'solid' },
  { key: 'dirty', label: 'dirty (free, resident)', color: OKABE_ITO.orange, pattern: 'hatch' },
  { key: 'muzzy', label: 'muzzy (MADV_FREE)', color: OKABE_ITO.yellow, pattern: 'dots' },
  { key: 'retained', label: 'retained (purged)', color: '#e4e4e4', pattern: 'solid' },
] as const;

/**
 * mimalloc slice kinds as the segment rows draw them: pages (by their blocks in use), free spans,
 * the segment's own header, and a huge block. Decommitted slices are drawn as outlines only.
 */
export const SLICE_CATEGORIES = [
  { key: 'info', label: 'segment header', color: '#8c8c8c', pattern: 'solid' },
  { key: 'page', label: 'page (fill = blocks in use)', color: OKABE_ITO.blue, pattern: 'solid' },
  { key: 'free', label: 'free span', color: OKABE_ITO.sky, pattern: 'solid' },
  { key: 'huge', label: 'huge block', color: '#1d4f73', pattern: 'solid' },
  { key: 'pending', label: 'decommit pending', color: OKABE_ITO.orange, pattern: 'hatch' },
] as const;

export const SERIES = [
  { key: 'rss', label: 'RSS', color: OKABE_ITO.black, dash: [] as number[] },
  { key: 'heap', label: 'brk heap', color: OKABE_ITO.blue, dash: [6, 3] },
  { key: 'mmap', label: 'glibc mmaps', color: OKABE_ITO.orange, dash: [2, 2] },
  { key: 'arena', label: 'pymalloc arenas', color: OKABE_ITO.green, dash: [8, 2, 2, 2] },
] as const;

export const REGION_COLORS: Record<string, string> = {
  heap: OKABE_ITO.blue,
  'glibc-mmap': OKABE_ITO.orange,
  'pymalloc-arena': OKABE_ITO.green,
  interpreter: '#777777',
  numpy: OKABE_ITO.purple,
  'jemalloc-extents': '#1d4f73',
  'jemalloc-base': '#5b7f99',
  'mimalloc-segment': '#1d4f73',
  other: '#999999',
};

export const SELECTION_COLOR = OKABE_ITO.vermillion;

/** Viridis stops for pymalloc size classes (sequential by block size, so order reads without hue). */
const VIRIDIS = [
  '#440154',
  '#482878',
  '#3e4989',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
];
export function sizeClassColor(cls: number): string {
  // Log scale over the block size (16 … 512 B): the common small classes get distinct colours.
  const t = Math.log2(cls + 1) / 5;
  return VIRIDIS[Math.min(VIRIDIS.length - 1, Math.floor(t * (VIRIDIS.length - 1) + 0.5))];
}

/** Ink for lines and text drawn on canvas, light or dark with the page (exports force light). */
export interface Ink {
  text: string;
  muted: string;
  grid: string;
  tint: string;
  faint: string;
  bg: string;
}
const LIGHT: Ink = {
  text: '#1a1a1a',
  muted: '#555555',
  grid: '#c8c8c8',
  tint: 'rgba(230,159,0,0.12)',
  faint: '#cccccc',
  bg: '#ffffff',
};
const DARK: Ink = {
  text: '#e8e8e6',
  muted: '#a6a6a0',
  grid: '#4a4d52',
  tint: 'rgba(230,159,0,0.18)',
  faint: '#55585e',
  bg: '#202327',
};
let forced: Ink | null = null;

export function ink(): Ink {
  if (forced) return forced;
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? DARK : LIGHT;
}

/** Draw with light ink whatever the page's theme (figures exported on white). */
export function withLightInk<T>(f: () => T): T {
  forced = LIGHT;
  try {
    return f();
  } finally {
    forced = null;
  }
}
