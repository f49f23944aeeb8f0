/**
 * glibc 2.36's malloc tunables: one type for the engine, the CLI, the worker protocol, the share
 * URL and the scenarios, and one table that says how the real loader reads each (elf/dl-tunables.list,
 * malloc/arena.c ptmalloc_init, the do_set_* callbacks in malloc/malloc.c).
 */

/** The tunables a simulated process takes. Absent = glibc's default. */
export interface GlibcTunables {
  /** glibc.malloc.mmap_threshold (MALLOC_MMAP_THRESHOLD_): turns the dynamic threshold off. */
  mmapThreshold?: number;
  /** glibc.malloc.trim_threshold (MALLOC_TRIM_THRESHOLD_): turns the dynamic threshold off. */
  trimThreshold?: number;
  /** glibc.malloc.top_pad (MALLOC_TOP_PAD_): turns the dynamic threshold off. */
  topPad?: number;
  /** glibc.malloc.mmap_max (MALLOC_MMAP_MAX_): turns the dynamic threshold off. */
  mmapMax?: number;
  /** glibc.malloc.tcache_count (≤ 65535). */
  tcacheCount?: number;
  /** glibc.malloc.tcache_max: the largest request tcache holds (≤ 1032). */
  tcacheMax?: number;
  /** glibc.malloc.tcache_unsorted_limit: unsorted chunks _int_malloc sorts before it returns a cached one (0 = no limit). */
  tcacheUnsortedLimit?: number;
  /** glibc.malloc.mxfast: largest fastbin request (≤ 160). */
  mxfast?: number;
  /** glibc.malloc.arena_max (MALLOC_ARENA_MAX): the cap on arenas, main included. */
  arenaMax?: number;
  /** glibc.malloc.arena_test (MALLOC_ARENA_TEST): arenas made before the cap is computed from the cores. */
  arenaTest?: number;
}

export type GlibcTunableKey = keyof GlibcTunables;

export interface GlibcTunableSpec {
  key: GlibcTunableKey;
  /** The name in GLIBC_TUNABLES. */
  name: string;
  /** The environment variable glibc also reads (tunables' env_alias), if any. */
  alias: string | null;
  /** The tunable's bounds in dl-tunables.list (type bounds where none is given): out of them, ignored. */
  min: number;
  max: number;
  /** The do_set_* callback's own limit: above it the value is ignored (do_set_* returns 0). */
  accepts: number;
  doc: string;
}

const SIZE_MAX = 2 ** 64 - 1;
const INT32_MAX = 2 ** 31 - 1;

/** Every tunable the simulator models, in GLIBC_TUNABLES order of the manual. */
export const GLIBC_TUNABLE_SPECS: readonly GlibcTunableSpec[] = [
  spec(
    'mmapThreshold',
    'mmap_threshold',
    'MALLOC_MMAP_THRESHOLD_',
    0,
    SIZE_MAX,
    SIZE_MAX,
    'requests of at least this many bytes get their own mmap',
  ),
  spec(
    'trimThreshold',
    'trim_threshold',
    'MALLOC_TRIM_THRESHOLD_',
    0,
    SIZE_MAX,
    SIZE_MAX,
    'free() gives the top of the heap back once it is this big',
  ),
  spec(
    'topPad',
    'top_pad',
    'MALLOC_TOP_PAD_',
    0,
    SIZE_MAX,
    SIZE_MAX,
    'extra bytes asked of the kernel at every heap growth, and kept at every trim',
  ),
  spec(
    'mmapMax',
    'mmap_max',
    'MALLOC_MMAP_MAX_',
    0,
    INT32_MAX,
    INT32_MAX,
    'at most this many mmapped chunks at once',
  ),
  spec(
    'tcacheCount',
    'tcache_count',
    null,
    0,
    SIZE_MAX,
    65535,
    'freed chunks each tcache bin keeps per thread',
  ),
  spec('tcacheMax', 'tcache_max', null, 0, SIZE_MAX, 1032, 'the largest request tcache keeps'),
  spec(
    'tcacheUnsortedLimit',
    'tcache_unsorted_limit',
    null,
    0,
    SIZE_MAX,
    SIZE_MAX,
    'unsorted chunks sorted before a cached one is returned (0: no limit)',
  ),
  spec('mxfast', 'mxfast', null, 0, SIZE_MAX, 160, 'the largest request that goes to a fastbin when freed'),
  spec(
    'arenaMax',
    'arena_max',
    'MALLOC_ARENA_MAX',
    1,
    SIZE_MAX,
    SIZE_MAX,
    'the most arenas threads may get, main included',
  ),
  spec(
    'arenaTest',
    'arena_test',
    'MALLOC_ARENA_TEST',
    1,
    SIZE_MAX,
    SIZE_MAX,
    'arenas made before the cap of 8 × cores applies',
  ),
];

function spec(
  key: GlibcTunableKey,
  short: string,
  alias: string | null,
  min: number,
  max: number,
  accepts: number,
  doc: string,
): GlibcTunableSpec {
  return { key, name: `glibc.malloc.${short}`, alias, min, max, accepts, doc };
}

export const GLIBC_TUNABLE_KEYS: readonly GlibcTunableKey[] = GLIBC_TUNABLE_SPECS.map((s) => s.key);

/** The tunables glibc 2.36 has but the simulator does not model: setting one is refused. */
export const UNMODELLED_TUNABLES: Readonly<Record<string, string>> = {
  'glibc.malloc.perturb': 'MALLOC_PERTURB_',
  'glibc.malloc.hugetlb': '',
};

/**
 * _dl_strtoul as the loader parses a tunable's text: leading blanks, a sign, then decimal, octal
 * (a leading 0) or hex (0x) digits up to the first other character; no digit at all reads as 0.
 * Returns the value (saturated at 2^64 - 1) and whether the whole text was a number.
 */
export function dlStrtoul(text: string): { value: number; clean: boolean } {
  let i = 0;
  while (text[i] === ' ' || text[i] === '\t') i++;
  let negative = false;
  if (text[i] === '-' || text[i] === '+') negative = text[i++] === '-';
  const start = i;
  if (!(text[i] >= '0' && text[i] <= '9')) return { value: 0, clean: false };
  let base = 10;
  if (text[i] === '0') {
    if (text[i + 1] === 'x' || text[i + 1] === 'X') {
      base = 16;
      i += 2;
    } else base = 8;
  }
  let value = 0n;
  const big = BigInt(base);
  for (; i < text.length; i++) {
    const d = digit(text[i], base);
    if (d < 0) break;
    value = value * big + BigInt(d);
    if (value > BigInt(SIZE_MAX)) value = BigInt(SIZE_MAX);
  }
  // uint64 negation, as the C code does for a leading '-'.
  if (negative && value !== 0n) value = (1n << 64n) - value;
  return { value: Number(value), clean: i === text.length && i > start };
}

function digit(c: string, base: number): number {
  const d =
    c >= '0' && c <= '9'
      ? c.charCodeAt(0) - 48
      : base === 16 && /[a-f]/i.test(c)
        ? c.toLowerCase().charCodeAt(0) - 87
        : -1;
  return d >= 0 && d < base ? d : -1;
}

/**
 * What glibc makes of `text` for tunable `s`: the value it takes, or null and the reason it
 * ignores the setting (the real loader ignores a bad tunable silently; the simulator says so).
 */
export function readTunable(
  s: GlibcTunableSpec,
  text: string,
  via: string,
): { value: number | null; warning: string | null } {
  const { value, clean } = dlStrtoul(text);
  const shown = `${via}=${text}`;
  const note = clean ? '' : ` (glibc reads "${text}" as ${value})`;
  if (value < s.min || value > s.max)
    return {
      value: null,
      warning: `glibc 2.36 ignores ${shown}${note}: below ${s.min} or above ${s.max}, the default stays`,
    };
  if (value > s.accepts)
    return {
      value: null,
      warning: `glibc 2.36 ignores ${shown}${note}: ${s.name} takes at most ${s.accepts}, the default stays`,
    };
  return { value, warning: clean ? null : `glibc 2.36 reads ${shown} as ${s.name}=${value}` };
}
