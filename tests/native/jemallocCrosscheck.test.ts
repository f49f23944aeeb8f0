/**
 * The jemalloc 5.3.0 model (src/engine/jemalloc) against Debian's real libjemalloc.so.2, run under
 * tools/native/alloc_replay.c: every returned address (relative to the process's mmap gap, including
 * large blocks' random cache-line offsets: the replayer hands the model the real tsd prng), every
 * usable size, every mmap / munmap / MADV_DONTNEED / MADV_FREE the library makes, and at each
 * checkpoint stats.allocated, active, mapped, retained and the pages active, dirty and muzzy must be
 * identical. Metadata figures (stats.metadata, base, resident) and the resident bytes of the library's
 * mappings (mincore) are held to a tolerance (allocReplay.ts TOLERANCE): they include jemalloc's own
 * bookkeeping writes, modelled from measurements (src/engine/jemalloc/README.md "What is exact").
 *
 * Environment: HW_ALLOC_SEEDS (generated traces per setting, default 6), HW_ALLOC_OPS (ops per
 * generated trace, default 10000).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allocNativeAvailable, crossCheck, traceOpCount } from './allocReplay';
import { jemallocSim } from './jemallocSim';
import { CACHE_DIR, ROOT } from './nativeReplay';

/** Mechanism traces of the allocator models (tests/native/traces/ holds glibc's). */
const ALLOC_TRACES = join(ROOT, 'tests/native/alloc-traces');
import { generateTrace } from './traceGen';

const SEEDS = Number(process.env.HW_ALLOC_SEEDS ?? 6);
const OPS = Number(process.env.HW_ALLOC_OPS ?? 10_000);
const totals = { traces: 0, ops: 0, lines: 0 };

function check(name: string, path: string, conf: string): number {
  const r = crossCheck('jemalloc', name, path, conf ? { MALLOC_CONF: conf } : {}, (real) =>
    jemallocSim(conf, real.tsd),
  );
  expect(r.outOfTolerance).toEqual([]);
  totals.traces++;
  totals.ops += traceOpCount(path);
  totals.lines += r.exactLines;
  return r.exactLines;
}

afterAll(() => {
  if (totals.traces > 0)
    console.log(
      `jemalloc cross-check: ${totals.traces} traces passed (${totals.ops} ops): ${totals.lines} output lines identical to the real library`,
    );
});

describe.skipIf(!allocNativeAvailable('jemalloc'))('jemalloc model vs the real libjemalloc 5.3.0', () => {
  for (const t of ['decay', 'oversize', 'tcache', 'calloc', 'realloc', 'lists']) {
    it(`mechanism trace jemalloc-${t}`, () => {
      expect(check(t, join(ALLOC_TRACES, `jemalloc-${t}.trace`), '')).toBeGreaterThan(20);
    }, 60_000);
  }
  const settings = [
    '',
    'dirty_decay_ms:0,muzzy_decay_ms:0',
    'muzzy_decay_ms:10000',
    'narenas:1,tcache:false',
    'lg_tcache_max:16',
    'oversize_threshold:1048576',
    'oversize_threshold:0',
    'dirty_decay_ms:-1',
  ];
  const dir = join(CACHE_DIR, 'alloc-traces');
  mkdirSync(dir, { recursive: true });
  settings.forEach((conf, k) => {
    const seeds = conf === '' ? SEEDS * 2 : Math.max(1, Math.ceil(SEEDS / 3));
    for (let i = 0; i < seeds; i++) {
      const seed = 100 * k + i + 1;
      it(`generated seed ${seed} (${OPS} ops${conf ? `, MALLOC_CONF=${conf}` : ''})`, () => {
        const path = join(dir, `je-${seed}.trace`);
        writeFileSync(path, generateTrace(seed, OPS));
        expect(check(`seed${seed}`, path, conf)).toBeGreaterThan(OPS / 3);
      }, 120_000);
    }
  });
});
