/**
 * The jemalloc 5.3.0 model (src/engine/jemalloc) against Debian's real libjemalloc.so.2, run under
 * tools/native/alloc_replay.c: every returned address (relative to the process's mmap gap, including
 * large blocks' random cache-line offsets: the replayer hands the model the real tsd prng), every
 * usable size, every mmap / munmap / MADV_DONTNEED / MADV_FREE the library makes, and at each
 * checkpoint stats.allocated, active, mapped, retained and the pages active, dirty and muzzy must be
 * identical. Metadata figures (stats.metadata, base, resident) and the resident bytes of the library's
 * mappings (mincore) are held to a tolerance: they include jemalloc's own bookkeeping writes, modelled
 * from measurements (README "What is exact").
 *
 * Environment: HW_ALLOC_SEEDS (generated traces per allocator setting, default 6),
 * HW_ALLOC_OPS (ops per generated trace, default 10000).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocNativeAvailable, canonical, compareOutputs, runReal, runSim } from './allocReplay';
import { jemallocSim } from './jemallocSim';
import { CACHE_DIR, TRACES_DIR } from './nativeReplay';
import { generateTrace } from './traceGen';

const SEEDS = Number(process.env.HW_ALLOC_SEEDS ?? 6);
const OPS = Number(process.env.HW_ALLOC_OPS ?? 10_000);
const available = allocNativeAvailable('jemalloc');

/** Tolerances for the metadata-derived figures: relative, with a floor in bytes. */
const TOLERANCE: Record<string, [number, number]> = {
  metadata: [0.002, 16 * 1024],
  base: [0.002, 16 * 1024],
  resident: [0.01, 64 * 1024],
  rss_alloc: [0.03, 128 * 1024],
};

function crossCheck(name: string, tracePath: string, conf: string): { lines: number } {
  const real = runReal('jemalloc', tracePath, conf ? { MALLOC_CONF: conf } : {});
  const text = readFileSync(tracePath, 'utf8');
  const sim = runSim(text, real.gaptop, jemallocSim(conf, real.tsd), 'gaptop');
  const a = canonical(real.lines, 'jemalloc', real.tsd !== null);
  const b = canonical(sim, 'jemalloc', real.tsd !== null);
  const c = compareOutputs(a, b);
  if (c.mismatches.length > 0) {
    mkdirSync(join(CACHE_DIR, 'native-failures'), { recursive: true });
    const base = join(CACHE_DIR, 'native-failures', `jemalloc-${name}`);
    writeFileSync(`${base}.trace`, text + (conf ? `\n# MALLOC_CONF=${conf}\n` : ''));
    writeFileSync(`${base}.real`, a.join('\n'));
    writeFileSync(`${base}.sim`, b.join('\n'));
    const m = c.mismatches[0];
    throw new Error(
      `${name}: ${c.mismatches.length} lines differ; first at output line ${m.line}: real "${m.real}", model "${m.sim}" ` +
        `(saved in ${base}.*; by hand: npx tsx tests/native/allocCli.ts diff jemalloc ${base}.trace ${conf})`,
    );
  }
  for (const [k, v] of c.fuzzy) {
    const [rel, floor] = TOLERANCE[k] ?? [0, 0];
    const ok = Math.abs(v.real - v.sim) <= Math.max(rel * v.real, floor);
    expect(ok, `${name}: ${k} real ${v.real} vs model ${v.sim}`).toBe(true);
  }
  return { lines: c.exactLines };
}

describe.skipIf(!available)('jemalloc model vs the real libjemalloc 5.3.0', () => {
  const handTraces = ['decay', 'oversize', 'tcache', 'calloc', 'realloc', 'lists'];
  for (const t of handTraces) {
    it(`mechanism trace jemalloc-${t}`, () => {
      const r = crossCheck(t, join(TRACES_DIR, `jemalloc-${t}.trace`), '');
      expect(r.lines).toBeGreaterThan(20);
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
        const r = crossCheck(`seed${seed}`, path, conf);
        expect(r.lines).toBeGreaterThan(OPS / 3);
      }, 120_000);
    }
  });
});
