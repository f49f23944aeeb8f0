import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

/** Set in the child that already runs with the deeper stack (so it never spawns another). */
const DEEP_STACK_ENV = 'HIGHWATER_DEEP_STACK';

/**
 * The stack V8 may use on the main thread: three quarters of the soft RLIMIT_STACK
 * (/proc/self/limits; 8 MiB on Debian, so 6 MiB), at most 48 MiB, or null when it is not above
 * V8's default (984 KiB) by enough to help.
 */
function deeperStackKb(): number | null {
  let limit = 8 * 1024 * 1024;
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max stack size'));
    const soft = line?.trim().split(/\s{2,}/)[1];
    if (soft && soft !== 'unlimited') limit = Number(soft);
    else if (soft === 'unlimited') limit = 64 * 1024 * 1024;
  } catch {
    // not Linux: the usual 8 MiB
  }
  const kb = Math.floor(Math.min(limit * 0.75, 48 * 1024 * 1024) / 1024);
  return kb >= 2048 ? kb : null;
}

/**
 * A script that recursed through C code (a `functools.lru_cache` wrapper, `repr` of a nested
 * object, `sorted(key=…)` calling back) ran out of the simulator's own JavaScript stack before
 * CPython's recursion limit: each such level costs the engine ~3 KiB of stack, V8's default
 * 984 KiB gives out near 800 levels where the real 3.11.7 goes to 1,000 (a memoized `ways(980)`
 * runs in both with 6 MiB). Run the same command again in a child node with the deeper stack,
 * nothing printed yet; its exit status, or null when that cannot be done (already the child, the
 * script read from a pipe, no room on this machine).
 */
export function rerunWithDeeperStack(script: string | undefined): number | null {
  if (process.env[DEEP_STACK_ENV] === '1' || script === undefined) return null;
  try {
    if (!statSync(script).isFile()) return null;
  } catch {
    return null;
  }
  const kb = deeperStackKb();
  if (kb === null) return null;
  // under scripts/run-ts.mjs argv[1] is the .ts entry it bundled: run it through the launcher again
  const runTs = process.env.HIGHWATER_RUN_TS;
  const entry = runTs && process.argv[1].endsWith('.ts') ? [runTs, process.argv[1]] : [process.argv[1]];
  const r = spawnSync(process.execPath, [`--stack-size=${kb}`, ...entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [DEEP_STACK_ENV]: '1' },
  });
  return r.status ?? 1;
}
