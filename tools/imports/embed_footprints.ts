/**
 * Regenerates src/engine/python/modules/footprints/footprints.json from the captures beside it
 * (tools/imports/capture_import.py writes <version>/<module>.trace and .json). The file is data, not
 * code: the page's worker fetches it while it starts (as TypeScript string literals it was 4.6 MB of
 * the worker's 8.1 MB module, compiled unstreamed before the run could start: bench/README.md perf-9),
 * and Node's entry points read it from disk (footprints/store.ts):
 *
 *     node scripts/run-ts.mjs tools/imports/embed_footprints.ts
 *
 * Only what the replay needs is kept from each JSON: the dependencies, and the differences the
 * recorder measured across the import for what the trace does not carry.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import type {
  ImportGarbage,
  PackedFootprint,
  PackedFootprints,
} from '../../src/engine/python/modules/footprints/types';

/** A trace deflated and base64-encoded: footprints/packed.ts inflates it on first use (8.7 MB → ~2 MB). */
const pack = (text: string): string => Buffer.from(deflateSync(strToU8(text), { level: 9 })).toString('base64');

const here = new URL('../../src/engine/python/modules/footprints/', import.meta.url).pathname;

interface Reading {
  rss: number;
  anon_mmap: number;
  heap: number;
  mallinfo2: Record<string, number>;
  pymalloc: { arenas_allocated_current: number };
  gc: { count: number[]; collections: number[]; objects: number[] };
}

const diff = (a: number[], b: number[]): number[] => b.map((x, i) => x - a[i]);

function delta(b: Reading, a: Reading) {
  return {
    rss: a.rss - b.rss,
    anonMmap: a.anon_mmap - b.anon_mmap,
    arenas: a.pymalloc.arenas_allocated_current - b.pymalloc.arenas_allocated_current,
    hblkhd: a.mallinfo2.hblkhd - b.mallinfo2.hblkhd,
    gc: {
      count: diff(b.gc.count, a.gc.count),
      collections: diff(b.gc.collections, a.gc.collections),
      objects: diff(b.gc.objects, a.gc.objects),
    },
  };
}

/**
 * The largest `alone` trace embedded, by capture. On 3.12.1 and 3.13.0 (no site-packages .pth
 * importing half the standard library at start-up, as pyenv's 3.11.7 has) a module's whole import
 * nests dozens of dependencies: pprint's is 0.76 MB, all of them 10 MB a version, too much for the
 * page's worker. Without it the replay imports the dependencies first, each from its own trace,
 * then the module's (versions/imports.versions.test.ts: RSS within 64 KiB of the whole import).
 */
const aloneMaxChars = (version: string): number =>
  version.startsWith('3.11') || version.startsWith('debian') ? Infinity : 64 * 1024;

function entry(dir: string, name: string, version: string): PackedFootprint {
  type Info = {
    deps: string[];
    before: Reading;
    after: Reading;
    alone?: { before: Reading; after: Reading };
  };
  const info = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Info;
  const fp: PackedFootprint = {
    deps: info.deps,
    delta: delta(info.before, info.after),
    trace: pack(readFileSync(join(dir, `${name}.trace`), 'utf8')),
  };
  // the cycles the import leaves for the collector (capture_garbage.py); none where not captured
  const garbagePath = join(dir, `${name}.garbage.json`);
  const garbage = existsSync(garbagePath)
    ? (JSON.parse(readFileSync(garbagePath, 'utf8')) as { after: ImportGarbage | null; alone?: ImportGarbage | null })
    : null;
  const useful = (g: ImportGarbage | null | undefined): ImportGarbage | undefined =>
    g && g.some((e) => e.count > 0 || e.p.length + e.g.length > 0)
      ? g.map((e) => ({ count: e.count, p: e.p, g: e.g }))
      : undefined;
  const after = useful(garbage?.after);
  if (after) fp.garbage = after;
  const alonePath = join(dir, `${name}.alone.trace`);
  if (info.alone && existsSync(alonePath) && statSync(alonePath).size <= aloneMaxChars(version)) {
    fp.alone = {
      delta: delta(info.alone.before, info.alone.after),
      trace: pack(readFileSync(alonePath, 'utf8')),
    };
    const alone = useful(garbage?.alone);
    if (alone) fp.alone.garbage = alone;
  }
  return fp;
}

const out: PackedFootprints = {};
for (const version of readdirSync(here).sort()) {
  const dir = join(here, version);
  if (!statSync(dir).isDirectory()) continue;
  const startup = JSON.parse(readFileSync(join(dir, 'startup_modules.json'), 'utf8')) as {
    modules: string[];
  };
  const modules: Record<string, PackedFootprint> = {};
  for (const f of readdirSync(dir).sort())
    if (f.endsWith('.trace') && !f.endsWith('.alone.trace')) modules[f.slice(0, -6)] = entry(dir, f.slice(0, -6), version);
  out[version] = { startup: startup.modules, modules };
}
// one line a module, so a re-capture's diff names the modules it changed
const lines = Object.entries(out).map(
  ([version, set]) =>
    `${JSON.stringify(version)}: {"startup": ${JSON.stringify(set.startup)}, "modules": {\n` +
    Object.entries(set.modules)
      .map(([name, fp]) => `${JSON.stringify(name)}: ${JSON.stringify(fp)}`)
      .join(',\n') +
    '}}',
);
writeFileSync(join(here, 'footprints.json'), `{${lines.join(',\n')}}\n`);
