/**
 * jemalloc 5.3.0's run-time options as Debian's build sets them (malloc_stats_print on this machine:
 * opt.narenas 8 on 2 CPUs, dirty_decay_ms 10000, muzzy_decay_ms 0, retain true, oversize_threshold
 * 8 MiB, tcache_max 32 KiB, background_thread false) and the MALLOC_CONF parser for the options
 * people set (malloc_conf_init in jemalloc.c: "key:value" pairs separated by commas).
 */
export interface JemallocOptions {
  narenas: number;
  dirtyDecayMs: number;
  muzzyDecayMs: number;
  retain: boolean;
  oversizeThreshold: number;
  tcache: boolean;
  tcacheMax: number;
  backgroundThread: boolean;
  /** Accepted, and reported, but the model has one behaviour for it: see README. */
  confirmConf: boolean;
}

/** Defaults for a machine with `ncpus` CPUs (opt.narenas = 4 × ncpus). */
export function defaultJemallocOptions(ncpus = 2): JemallocOptions {
  return {
    narenas: 4 * ncpus,
    dirtyDecayMs: 10_000,
    muzzyDecayMs: 0,
    retain: true,
    oversizeThreshold: 8 * 1024 * 1024,
    tcache: true,
    tcacheMax: 32 * 1024,
    backgroundThread: false,
    confirmConf: false,
  };
}

export interface ConfResult {
  options: JemallocOptions;
  /** What the real library prints to stderr for each bad pair ("<jemalloc>: Invalid conf pair: …"). */
  warnings: string[];
}

const SSIZE_MAX_MS = 4611686018427387; // decay_ms_valid: NSTIME_SEC_MAX × 1000, a bound no one reaches

/**
 * malloc_conf_init for MALLOC_CONF: unknown keys and bad values are skipped with the warning jemalloc
 * prints ("Invalid conf pair" / "Invalid conf value"), as the real library does: it never fails.
 */
export function parseMallocConf(conf: string, ncpus = 2): ConfResult {
  const options = defaultJemallocOptions(ncpus);
  const warnings: string[] = [];
  if (conf.trim() === '') return { options, warnings };
  for (const pair of conf.split(',')) {
    const colon = pair.indexOf(':');
    if (colon <= 0) {
      warnings.push(`<jemalloc>: Conf string ends with key`);
      continue;
    }
    const key = pair.slice(0, colon);
    const value = pair.slice(colon + 1);
    const bad = (): void => void warnings.push(`<jemalloc>: Invalid conf value: ${key}:${value}`);
    const int = (): number | null => (/^-?\d+$/.test(value) ? Number(value) : null);
    const bool = (): boolean | null => (value === 'true' ? true : value === 'false' ? false : null);
    switch (key) {
      case 'dirty_decay_ms':
      case 'muzzy_decay_ms': {
        const v = int();
        if (v === null || v < -1 || v > SSIZE_MAX_MS) bad();
        else if (key === 'dirty_decay_ms') options.dirtyDecayMs = v;
        else options.muzzyDecayMs = v;
        break;
      }
      case 'narenas': {
        const v = int();
        if (v === null || v < 1 || v > 4096) bad();
        else options.narenas = v;
        break;
      }
      case 'oversize_threshold': {
        const v = int();
        if (v === null || v < 0) bad();
        else options.oversizeThreshold = v;
        break;
      }
      case 'lg_tcache_max': {
        const v = int();
        if (v === null || v < -1 || v > 63) bad();
        else options.tcacheMax = v < 0 ? 0 : 2 ** v;
        break;
      }
      case 'tcache_max': {
        const v = int();
        if (v === null || v < 0) bad();
        else options.tcacheMax = v;
        break;
      }
      case 'tcache':
      case 'retain':
      case 'background_thread':
      case 'confirm_conf': {
        const v = bool();
        if (v === null) bad();
        else if (key === 'tcache') options.tcache = v;
        else if (key === 'retain') options.retain = v;
        else if (key === 'background_thread') options.backgroundThread = v;
        else options.confirmConf = v;
        break;
      }
      default:
        warnings.push(`<jemalloc>: Invalid conf pair: ${key}:${value}`);
    }
  }
  return { options, warnings };
}
