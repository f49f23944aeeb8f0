/**
 * mimalloc's options (options.c) read from MIMALLOC_<NAME> environment variables as mi_option_init does:
 * an empty value or a substring of "1;TRUE;YES;ON" is 1, of "0;FALSE;NO;OFF" is 0 (case-insensitive),
 * else a decimal integer; anything else keeps the default and prints "mimalloc: warning: environment
 * option mimalloc_<name> has an invalid value.". A legacy name is read when the new one is absent and
 * prints the deprecation warning. Defaults and names are those of v2.0.9 (Debian's libmimalloc2.0);
 * the 2.1 series renamed "decommit" to "purge" (purge_delay 10 ms): not modelled yet (README).
 */
export interface MimallocOptions {
  eagerCommit: number;
  /** The first N segments of each thread but the first are committed on demand. */
  eagerCommitDelay: number;
  /** ms a freed span waits before MADV_DONTNEED (2.0.9 decommit_delay, 2.1 purge_delay). */
  decommitDelay: number;
  /** ms an empty segment waits in the cache before it is decommitted. */
  segmentDecommitDelay: number;
  decommitExtendDelay: number;
  allowDecommit: number;
  pageReset: number;
}

interface OptionDesc {
  key: keyof MimallocOptions;
  name: string;
  legacy?: string;
  def: number;
}

const OPTIONS_209: OptionDesc[] = [
  { key: 'eagerCommit', name: 'eager_commit', def: 1 },
  { key: 'eagerCommitDelay', name: 'eager_commit_delay', def: 1 },
  { key: 'decommitDelay', name: 'decommit_delay', legacy: 'reset_delay', def: 25 },
  { key: 'segmentDecommitDelay', name: 'segment_decommit_delay', def: 500 },
  { key: 'decommitExtendDelay', name: 'decommit_extend_delay', def: 1 },
  { key: 'allowDecommit', name: 'allow_decommit', def: 1 },
  { key: 'pageReset', name: 'page_reset', def: 0 },
];

export interface MimallocEnvResult {
  options: MimallocOptions;
  warnings: string[];
  /** Whether the real library prints the warnings: only with MIMALLOC_VERBOSE or MIMALLOC_SHOW_ERRORS on (release build). */
  shown: boolean;
}

export function defaultMimallocOptions(): MimallocOptions {
  const o = {} as MimallocOptions;
  for (const d of OPTIONS_209) o[d.key] = d.def;
  return o;
}

/** mi_option_init over an environment (names are matched case-insensitively, as mi_getenv does). */
export function parseMimallocEnv(env: Record<string, string>): MimallocEnvResult {
  const options = defaultMimallocOptions();
  const warnings: string[] = [];
  const upper = new Map<string, string>();
  for (const [k, v] of Object.entries(env)) upper.set(k.toUpperCase(), v);
  for (const d of OPTIONS_209) {
    let value = upper.get(`MIMALLOC_${d.name.toUpperCase()}`);
    if (value === undefined && d.legacy) {
      value = upper.get(`MIMALLOC_${d.legacy.toUpperCase()}`);
      if (value !== undefined)
        warnings.push(
          `mimalloc: warning: environment option "mimalloc_${d.legacy}" is deprecated -- use "mimalloc_${d.name}" instead.`,
        );
    }
    if (value === undefined) continue;
    const buf = value.slice(0, 64).toUpperCase();
    if (buf === '' || '1;TRUE;YES;ON'.includes(buf)) options[d.key] = 1;
    else if ('0;FALSE;NO;OFF'.includes(buf)) options[d.key] = 0;
    else if (/^[+-]?\d+$/.test(buf.trim()) && !/\s$/.test(buf)) options[d.key] = parseInt(buf, 10);
    else warnings.push(`mimalloc: warning: environment option mimalloc_${d.name} has an invalid value.`);
  }
  const on = (name: string): boolean => {
    const v = upper.get(`MIMALLOC_${name}`);
    if (v === undefined) return false;
    const b = v.slice(0, 64).toUpperCase();
    return b === '' || '1;TRUE;YES;ON'.includes(b) || (/^[+-]?\d+$/.test(b) && parseInt(b, 10) !== 0);
  };
  return { options, warnings, shown: on('VERBOSE') || on('SHOW_ERRORS') };
}
