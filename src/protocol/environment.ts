/**
 * The simulated environment a script runs in, in the words of production: the interpreter's version
 * and the variables the real process would get (`LD_PRELOAD=libjemalloc.so.2`, `MALLOC_CONF=…`,
 * `MIMALLOC_DECOMMIT_DELAY=0`, `MALLOC_ARENA_MAX=2`, `GLIBC_TUNABLES=…`, `PYTHONMALLOC=malloc`). The
 * page, the share link, the worker and the CLI (`--python`, `--env`) all carry the same words; the
 * engine reads them (src/engine/libc/env.ts) and says what it refuses.
 */

export const PYTHON_VERSIONS = ['3.11', '3.12', '3.13'] as const;
export type PythonVersion = (typeof PYTHON_VERSIONS)[number];
export const DEFAULT_PYTHON: PythonVersion = '3.11';

/**
 * The versions the engine of this build runs. The version profiles (issue 8) add 3.12 and 3.13
 * here when `createProcess` in src/worker/process.ts boots them; the page's picker offers the others
 * disabled, and a link that names one says the engine's message when it runs.
 */
export const RUNNABLE_PYTHONS: readonly PythonVersion[] = ['3.11', '3.12', '3.13'];

export const isPythonVersion = (x: unknown): x is PythonVersion =>
  typeof x === 'string' && (PYTHON_VERSIONS as readonly string[]).includes(x);

export interface EnvSpec {
  python: PythonVersion;
  /** NAME → VALUE as the process would get them; empty: nothing set (glibc with its defaults). */
  vars: Record<string, string>;
}

export const DEFAULT_ENV: EnvSpec = { python: DEFAULT_PYTHON, vars: {} };

/** At most this many environments side by side (issue 9: two to four). */
export const MAX_COMPARE = 4;

/** Environment variable names as a shell takes them. */
export const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_VARS = 24;
export const MAX_VALUE_CHARS = 1000;

/** The variables as `NAME=VALUE` words, sorted by name (the order does not change what they mean). */
export const envWords = (vars: Record<string, string>): string[] =>
  Object.keys(vars)
    .sort()
    .map((k) => `${k}=${vars[k]}`);

/** One canonical text per environment: equal environments give equal keys. */
export const envKey = (e: EnvSpec): string => [e.python, ...envWords(e.vars)].join(' ');

export const sameEnv = (a: EnvSpec, b: EnvSpec): boolean => envKey(a) === envKey(b);

/**
 * Read `NAME=VALUE` lines (or words separated by spaces, as after `env` on a command line) into
 * variables; returns the problems of the text itself (the engine judges the values).
 */
export function parseEnvText(text: string): { vars: Record<string, string>; problems: string[] } {
  const vars: Record<string, string> = {};
  const problems: string[] = [];
  const words = text
    .split('\n')
    .flatMap((line) =>
      line.trim().startsWith('#') ? [] : line.trim().split(/\s+(?=[A-Za-z_][A-Za-z0-9_]*=)/),
    )
    .map((w) => w.trim())
    .filter(Boolean);
  for (const w of words) {
    const eq = w.indexOf('=');
    const name = eq > 0 ? w.slice(0, eq) : w;
    if (eq <= 0 || !VAR_NAME.test(name)) {
      problems.push(`“${w.slice(0, 60)}” is not NAME=VALUE`);
      continue;
    }
    let value = w.slice(eq + 1);
    // A shell would drop one pair of quotes around the value.
    if (/^(['"]).*\1$/.test(value) && value.length >= 2) value = value.slice(1, -1);
    if (value.length > MAX_VALUE_CHARS)
      problems.push(`${name}'s value is longer than ${MAX_VALUE_CHARS} characters`);
    else if (name in vars) problems.push(`${name} is set twice (the last one counts)`);
    vars[name] = value;
  }
  if (Object.keys(vars).length > MAX_VARS) problems.push(`at most ${MAX_VARS} variables`);
  return { vars, problems };
}

/** A named environment the panel offers with one click (each one a lesson of issue 9). */
export interface EnvPreset {
  id: string;
  label: string;
  vars: Record<string, string>;
  /** One sentence: what it changes, with the measured figure that makes it worth trying. */
  note: string;
}

export const ENV_PRESETS: readonly EnvPreset[] = [
  {
    id: 'glibc',
    label: 'glibc 2.36 (default)',
    vars: {},
    note: 'No variables: CPython on the system malloc, as most processes run.',
  },
  {
    id: 'glibc-tcache-off',
    label: 'glibc, tcache off',
    vars: { GLIBC_TUNABLES: 'glibc.malloc.tcache_count=0' },
    note: 'No freed chunks held in per-thread caches: the top of the heap is no longer pinned by them.',
  },
  {
    id: 'glibc-arena-max-2',
    label: 'glibc, MALLOC_ARENA_MAX=2',
    vars: { MALLOC_ARENA_MAX: '2' },
    note: 'At most two malloc arenas however many threads: fewer 64 MiB heaps, more sharing.',
  },
  {
    id: 'jemalloc',
    label: 'jemalloc 5.3.0',
    vars: { LD_PRELOAD: 'libjemalloc.so.2' },
    note: 'Freed pages are purged by a 10 s decay curve, on later allocator calls (132 MiB kept after the first seed’s del, measured).',
  },
  {
    id: 'jemalloc-decay0',
    label: 'jemalloc, decay 0',
    vars: { LD_PRELOAD: 'libjemalloc.so.2', MALLOC_CONF: 'dirty_decay_ms:0,muzzy_decay_ms:0' },
    note: 'Freed pages are purged at once (23 MiB kept after the first seed’s del, measured).',
  },
  {
    id: 'mimalloc',
    label: 'mimalloc 2.0.9',
    vars: { LD_PRELOAD: 'libmimalloc.so.2' },
    note: 'Freed pages wait 25 ms and are decommitted only inside a later call (858 MiB kept after the first seed’s del, measured).',
  },
  {
    id: 'mimalloc-decommit0',
    label: 'mimalloc, decommit 0',
    vars: {
      LD_PRELOAD: 'libmimalloc.so.2',
      MIMALLOC_DECOMMIT_DELAY: '0',
      MIMALLOC_SEGMENT_DECOMMIT_DELAY: '0',
    },
    note: 'Freed pages are decommitted at once (17 MiB kept after the first seed’s del, measured).',
  },
  {
    id: 'pymalloc-off',
    label: 'PYTHONMALLOC=malloc',
    vars: { PYTHONMALLOC: 'malloc' },
    note: 'pymalloc off: every object goes straight to the C allocator.',
  },
];

export const presetOf = (vars: Record<string, string>): EnvPreset | undefined =>
  ENV_PRESETS.find((p) => envWords(p.vars).join(' ') === envWords(vars).join(' '));

/**
 * How the page names an environment: its preset's label, else its variables as words; the version
 * goes first when the environments compared run different ones.
 */
export function envLabel(e: EnvSpec, among: readonly EnvSpec[] = [e]): string {
  const words = envWords(e.vars);
  const base = presetOf(e.vars)?.label ?? (words.length ? words.join(' ') : 'glibc 2.36 (default)');
  return among.some((o) => o.python !== e.python) ? `CPython ${e.python}, ${base}` : base;
}
