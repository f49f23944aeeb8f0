/**
 * The mimalloc 2.0.9 model (src/engine/mimalloc) against Debian's real libmimalloc.so.2, run under
 * tools/native/alloc_replay.c --mapord: every returned address (named by the ordinal of the mmap that
 * made its segment, and its offset there: real segments sit at random hinted addresses), every usable
 * size, every mmap / munmap / MADV_DONTNEED / mprotect / MADV_FREE, and at each checkpoint
 * mi_process_info's current and peak commit must be identical; the resident bytes of the segments
 * (mincore) within a tolerance.
 *
 * Environment: HW_ALLOC_SEEDS, HW_ALLOC_OPS (as the jemalloc cross-check).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allocNativeAvailable, crossCheck, traceOpCount } from './allocReplay';
import { mimallocSim } from './mimallocSim';
import { CACHE_DIR, ROOT } from './nativeReplay';

/** Mechanism traces of the allocator models (tests/native/traces/ holds glibc's). */
const ALLOC_TRACES = join(ROOT, 'tests/native/alloc-traces');
import { generateTrace } from './traceGen';

const SEEDS = Number(process.env.HW_ALLOC_SEEDS ?? 6);
const OPS = Number(process.env.HW_ALLOC_OPS ?? 10_000);
const totals = { traces: 0, ops: 0, lines: 0 };

function check(name: string, path: string, env: Record<string, string>): number {
  const r = crossCheck('mimalloc', name, path, env, () => mimallocSim(env));
  expect(r.outOfTolerance).toEqual([]);
  totals.traces++;
  totals.ops += traceOpCount(path);
  totals.lines += r.exactLines;
  return r.exactLines;
}

afterAll(() => {
  if (totals.traces > 0)
    console.log(
      `mimalloc cross-check: ${totals.traces} traces passed (${totals.ops} ops): ${totals.lines} output lines identical to the real library`,
    );
});

describe.skipIf(!allocNativeAvailable('mimalloc'))('mimalloc model vs the real libmimalloc 2.0.9', () => {
  const settings: Record<string, string>[] = [
    {},
    { MIMALLOC_DECOMMIT_DELAY: '0' },
    { MIMALLOC_DECOMMIT_DELAY: '0', MIMALLOC_SEGMENT_DECOMMIT_DELAY: '0' },
    { MIMALLOC_ALLOW_DECOMMIT: '0' },
    { MIMALLOC_PAGE_RESET: '1' },
    { MIMALLOC_RESET_DELAY: '0' },
    { MIMALLOC_EAGER_COMMIT: '0' },
  ];
  for (const t of ['decommit', 'segments', 'calloc', 'lists', 'realloc'])
    for (const env of settings.slice(0, 3)) {
      const label = Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      it(`mechanism trace mimalloc-${t}${label ? ` (${label})` : ''}`, () => {
        expect(check(t, join(ALLOC_TRACES, `mimalloc-${t}.trace`), env)).toBeGreaterThan(20);
      }, 60_000);
    }
  const dir = join(CACHE_DIR, 'alloc-traces');
  mkdirSync(dir, { recursive: true });
  settings.forEach((env, k) => {
    const seeds = k === 0 ? SEEDS * 2 : Math.max(1, Math.ceil(SEEDS / 3));
    const label = Object.entries(env)
      .map(([a, v]) => `${a}=${v}`)
      .join(' ');
    for (let i = 0; i < seeds; i++) {
      const seed = 5000 + 100 * k + i + 1;
      it(`generated seed ${seed} (${OPS} ops${label ? `, ${label}` : ''})`, () => {
        const path = join(dir, `mi-${seed}.trace`);
        writeFileSync(path, generateTrace(seed, OPS));
        expect(check(`seed${seed}`, path, env)).toBeGreaterThan(OPS / 3);
      }, 120_000);
    }
  });
});
