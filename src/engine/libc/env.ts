/**
 * The environment the real process would get, read the way the real loaders read it: ld.so's
 * LD_PRELOAD picks the allocator, glibc's tunables code (elf/dl-tunables.c) reads GLIBC_TUNABLES and
 * the MALLOC_* aliases, CPython reads PYTHONMALLOC, and MALLOC_CONF / MIMALLOC_* go to jemalloc's and
 * mimalloc's own parsers untouched. The same words as production: `--env MALLOC_ARENA_MAX=2`.
 */
import {
  GLIBC_TUNABLE_SPECS,
  UNMODELLED_TUNABLES,
  readTunable,
  type GlibcTunableKey,
  type GlibcTunables,
} from './glibcTunables';
import type { LibcKind } from './libc';

/**
 * PYTHONMALLOC values CPython accepts (_PyMem_GetAllocatorName): 3.11's six, and 3.13's mimalloc
 * pair (3.11 refuses those at start-up; the python layer decides per version).
 */
export const PYTHON_MALLOC_VALUES = [
  'pymalloc',
  'malloc',
  'debug',
  'pymalloc_debug',
  'malloc_debug',
  'mimalloc',
  'mimalloc_debug',
  'default',
] as const;
export type PythonMalloc = (typeof PYTHON_MALLOC_VALUES)[number];

export interface LibcEnvironment {
  /** Which malloc the process runs on (LD_PRELOAD). */
  allocator: LibcKind;
  /** glibc's tunables as glibc would read them from GLIBC_TUNABLES and the MALLOC_* variables. */
  glibc: GlibcTunables;
  /** CPUs the process sees (sched_getaffinity): glibc's arena cap is 8 × this. These machines have 2. */
  cpus: number;
  /** MALLOC_CONF, for jemalloc's own parser (null when unset). */
  mallocConf: string | null;
  /** MIMALLOC_* variables, for mimalloc's own parser. */
  mimalloc: Record<string, string>;
  /** PYTHONMALLOC as given (the python layer decides what it supports); null when unset. */
  pythonMalloc: PythonMalloc | null;
  /** The variables as given, for reports and share links. */
  vars: Record<string, string>;
}

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

export const DEFAULT_CPUS = 2;

/** Libraries LD_PRELOAD may name, by file name (any directory): what they replace malloc with. */
const PRELOADS: Readonly<Record<string, LibcKind>> = {
  'libjemalloc.so.2': 'jemalloc',
  'libjemalloc.so': 'jemalloc',
  'libmimalloc.so.2': 'mimalloc',
  'libmimalloc.so.2.0': 'mimalloc',
  'libmimalloc.so': 'mimalloc',
};

/**
 * Read an environment. Returns it with the warnings a user should see (settings glibc itself
 * would ignore, silently in the real process); throws EnvError for what the real process would
 * reject or what the simulator does not model.
 */
export function parseLibcEnv(
  vars: Readonly<Record<string, string>>,
  cpus = DEFAULT_CPUS,
): { env: LibcEnvironment; warnings: string[] } {
  const warnings: string[] = [];
  const env: LibcEnvironment = {
    allocator: 'glibc',
    glibc: {},
    cpus,
    mallocConf: null,
    mimalloc: {},
    pythonMalloc: null,
    vars: { ...vars },
  };
  if (!Number.isInteger(cpus) || cpus < 1) throw new EnvError(`cpus must be a whole number ≥ 1, got ${cpus}`);
  // Aliases first, GLIBC_TUNABLES last: a valid GLIBC_TUNABLES entry wins over its alias, as in
  // __tunables_init (an alias is skipped once the tunable is set).
  const fromTunables = new Set<GlibcTunableKey>();
  const tunables = vars.GLIBC_TUNABLES;
  if (tunables !== undefined) readGlibcTunables(tunables, env.glibc, fromTunables, warnings);
  for (const [name, value] of Object.entries(vars)) {
    if (name === 'GLIBC_TUNABLES') continue;
    const s = GLIBC_TUNABLE_SPECS.find((t) => t.alias === name);
    if (s) {
      if (fromTunables.has(s.key)) {
        warnings.push(`${name} is overridden by GLIBC_TUNABLES ${s.name}`);
        continue;
      }
      const r = readTunable(s, value, name);
      if (r.warning) warnings.push(r.warning);
      if (r.value !== null) env.glibc[s.key] = r.value;
    } else if (name === 'MALLOC_PERTURB_')
      throw new EnvError(
        `not supported by Highwater yet: ${name} (glibc's junk filling of allocated and freed memory)`,
      );
    else if (name === 'MALLOC_CHECK_')
      warnings.push(`glibc 2.36 ignores MALLOC_CHECK_ unless libc_malloc_debug.so is preloaded`);
    else if (name === 'LD_PRELOAD') env.allocator = readPreload(value, warnings);
    else if (name === 'MALLOC_CONF') env.mallocConf = value;
    else if (name.startsWith('MIMALLOC_')) env.mimalloc[name] = value;
    else if (name === 'PYTHONMALLOC') env.pythonMalloc = readPythonMalloc(value);
    else if (name.startsWith('MALLOC_'))
      warnings.push(
        `glibc 2.36 has no ${name} (it reads MALLOC_ARENA_MAX, MALLOC_ARENA_TEST, MALLOC_MMAP_MAX_, MALLOC_MMAP_THRESHOLD_, MALLOC_TOP_PAD_, MALLOC_TRIM_THRESHOLD_): ignored`,
      );
    else
      throw new EnvError(
        `not supported by Highwater yet: the variable ${name} (it models LD_PRELOAD, GLIBC_TUNABLES, MALLOC_*, MALLOC_CONF, MIMALLOC_* and PYTHONMALLOC)`,
      );
  }
  return { env, warnings };
}

/** GLIBC_TUNABLES=name=value:name=value, parsed as parse_tunables does: unknown names are skipped. */
function readGlibcTunables(
  text: string,
  into: GlibcTunables,
  set: Set<GlibcTunableKey>,
  warnings: string[],
): void {
  for (const part of text.split(':')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      warnings.push(`glibc 2.36 ignores "${part}" in GLIBC_TUNABLES (no "=value")`);
      continue;
    }
    const name = part.slice(0, eq);
    const value = part.slice(eq + 1);
    const s = GLIBC_TUNABLE_SPECS.find((t) => t.name === name);
    if (!s) {
      if (name in UNMODELLED_TUNABLES)
        throw new EnvError(`not supported by Highwater yet: the tunable ${name}`);
      if (name === 'glibc.malloc.check')
        warnings.push('glibc 2.36 ignores glibc.malloc.check unless libc_malloc_debug.so is preloaded');
      else warnings.push(`glibc 2.36 ignores the unknown tunable ${name}`);
      continue;
    }
    const r = readTunable(s, value, name);
    if (r.warning) warnings.push(r.warning);
    if (r.value !== null) {
      into[s.key] = r.value;
      set.add(s.key);
    }
  }
}

function readPreload(value: string, warnings: string[]): LibcKind {
  // ld.so splits LD_PRELOAD at spaces and colons; the first library that defines malloc wins.
  let kind: LibcKind = 'glibc';
  for (const path of value.split(/[ :]+/).filter(Boolean)) {
    const file = path.slice(path.lastIndexOf('/') + 1);
    const k = PRELOADS[file];
    if (k === undefined)
      throw new EnvError(
        `not supported by Highwater yet: LD_PRELOAD=${path} (it models libjemalloc.so.2 and libmimalloc.so.2)`,
      );
    if (kind === 'glibc') kind = k;
    else
      warnings.push(
        `LD_PRELOAD: ${file} comes after another malloc; the first one (${kind}) serves every call`,
      );
  }
  return kind;
}

function readPythonMalloc(value: string): PythonMalloc {
  if ((PYTHON_MALLOC_VALUES as readonly string[]).includes(value)) return value as PythonMalloc;
  // What CPython 3.11.7 prints before it exits with status 1 (measured: PYTHONMALLOC=bogus python3 -c pass).
  throw new EnvError(
    `Fatal Python error: preconfig_init_allocator: PYTHONMALLOC: unknown allocator (PYTHONMALLOC=${value})`,
  );
}

/** NAME=VALUE as given on a command line. */
export function splitAssignment(text: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new EnvError(`--env takes NAME=VALUE, got "${text}"`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}
