import type { Kernel } from '../../kernel/kernel';
import type { Libc } from '../../libc/libc';
import { importHistogram } from '../runtime/gcInventoryData';
import { importWalk, playWalk, type ImportWalk } from '../runtime/importWalks';
import type { Vm } from '../runtime/vm';
import { footprintSet } from './footprints/store';
import type { FootprintDelta, FootprintSet, ImportGarbage } from './footprints/types';
import { registerImportGarbage } from './importGarbage';

/**
 * What `import X` costs (tools/imports/capture_import.py): a module the recorder's process has
 * loaded at start-up is free; any other replays its captured footprint after its dependencies'
 * (each theirs, once per process). The replay makes every pymalloc-level call through the
 * process's pymalloc (which makes its own C-library calls for big blocks, arenas and bookkeeping,
 * as the real one did inside those calls) and every other C-library call straight on the C
 * library; what the import writes becomes resident. A block made before the import that it frees
 * is taken from the start-up's calibrated blocks (same size class) or the start-up trace's chunks
 * (same trace id). Then, as numpy/importFootprint.ts does for NumPy: the libraries' anonymous
 * mappings (.bss) the trace cannot see, the collector's counters, and the RSS of the files mapped.
 */
export interface ImportHost {
  /** The interpreter version whose footprints apply ('3.11.7'), or null: imports cost nothing. */
  version: string | null;
  kernel: Kernel;
  libc: Libc;
  /** Start-up trace id → pointer of the chunks still live (boot.liveIds). */
  liveIds: Map<number, number>;
  /** The calibrated start-up blocks (boot.liveBlocks; 0 once given back). */
  liveBlocks: Float64Array;
  blockSize: (p: number) => number;
  /**
   * dlopen of an extension module's shared objects where the process knows their layout
   * (startup/layouts.ts loadExtension): called as each module's replay begins.
   */
  loadExtension?: (module: string) => void;
}

interface HostState {
  host: ImportHost;
  imported: Set<string>;
  /** What each replayed import left live: `module:p:id` / `module:g:id` → pointer. */
  made: Map<string, number>;
  /** Blocks an import left live that the collector freed as its garbage (a later trace naming one skips it). */
  gone: Set<string>;
}

const hosts = new WeakMap<Vm, HostState>();

/** Called by the process when it is made (python/process.ts). */
export function attachImportHost(vm: Vm, host: ImportHost): void {
  hosts.set(vm, { host, imported: new Set(), made: new Map(), gone: new Set() });
}

function footprints(version: string | null): FootprintSet | null {
  return version === null ? null : footprintSet(version);
}

/** Is the module in the recorder's sys.modules at start-up (so its import allocates nothing)? */
export function loadedAtStartup(vm: Vm, name: string): boolean {
  const h = hosts.get(vm);
  const set = footprints(h?.host.version ?? null);
  return set === null || set.startup.includes(name);
}

/** The modules in the recorder's sys.modules at start-up (none when imports are not costed). */
export function startupModuleNames(vm: Vm): readonly string[] {
  const h = hosts.get(vm);
  return footprints(h?.host.version ?? null)?.startup ?? [];
}

/** The modules whose import footprint this process has replayed, in order (dependencies first or nested). */
export function replayedImports(vm: Vm): readonly string[] {
  return [...(hosts.get(vm)?.imported ?? [])];
}

/**
 * Does the real import's cost come from the recordings (a start-up module, or a captured footprint)?
 * Then a module modelled in Python runs its body accounted (its objects are that cost already).
 */
export function importCovered(vm: Vm, name: string): boolean {
  const h = hosts.get(vm);
  const set = footprints(h?.host.version ?? null);
  return set !== null && (set.startup.includes(name) || set.modules[name] !== undefined);
}

/**
 * Replay `import name`'s footprint unless the process has it already. Dependencies go through
 * `importModule` when the simulator models them (they become module objects), else straight to
 * their footprints.
 */
export function importCost(
  vm: Vm,
  name: string,
  importModule: (name: string) => number,
  modelled: (name: string) => boolean,
): void {
  const h = hosts.get(vm);
  if (h === undefined) return;
  const set = footprints(h.host.version);
  if (set === null || set.startup.includes(name) || h.imported.has(name)) return;
  h.imported.add(name);
  const fp = set.modules[name];
  if (fp === undefined) return;
  if (fp.alone !== undefined && fp.deps.every((d) => !h.imported.has(d))) {
    // none of it is imported yet: the whole import as it ran, the dependencies' nested inside
    for (const dep of fp.deps) h.imported.add(dep);
    replay(vm, h, name, fp.alone.trace, fp.alone.delta, importWalk(h.host.version, name, true), fp.deps);
    leaveGarbage(vm, h, name, fp.alone.garbage);
    for (const dep of fp.deps) if (modelled(dep)) vm.decref(importModule(dep));
    return;
  }
  for (const dep of fp.deps) {
    if (modelled(dep)) vm.decref(importModule(dep));
    else importCost(vm, dep, importModule, modelled);
  }
  replay(vm, h, name, fp.trace, fp.delta, importWalk(h.host.version, name, false));
  leaveGarbage(vm, h, name, fp.garbage);
}

/** The import's cycles, for the collector to free at its next collection of their generation. */
function leaveGarbage(vm: Vm, h: HostState, name: string, garbage: ImportGarbage | undefined): void {
  if (garbage === undefined) return;
  registerImportGarbage(vm, `import ${name}`, garbage, {
    free(domain, id) {
      const key = `${name}:${domain}:${id}`;
      const p = h.made.get(key);
      if (p === undefined) return false;
      h.made.delete(key);
      h.gone.add(key);
      if (domain === 'p') vm.mem.free(p);
      else h.host.libc.free(p);
      return true;
    },
  });
}

function replay(
  vm: Vm,
  h: HostState,
  name: string,
  trace: string,
  delta: FootprintDelta,
  walk: ImportWalk | undefined,
  /** Imported inside this replay (a whole import as it ran: its dependencies, in order). */
  nested: readonly string[] = [],
): void {
  const host = h.host;
  const rss0 = host.kernel.rss;
  const pm: Ids = { own: new Map(), made: h.made, gone: h.gone };
  const g: Ids = { own: new Map(), made: h.made, gone: h.gone };
  const anon0 = host.kernel.anonMmapBytes;
  // the .so files first (their .bss is part of the import's anonymous mappings, counted below);
  // where inside the import each dlopen ran is not in the capture
  if (host.loadExtension) for (const m of [...nested, name]) host.loadExtension(m);
  for (const line of trace.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [dom, op, a, b, c] = line.split(' ');
    if (dom === 'p') replayPymalloc(vm, host, pm, op, a, b, c);
    else replayLibc(host, g, op, a, b, c);
  }
  for (const [id, p] of pm.own) h.made.set(`${name}:p:${id}`, p);
  for (const [id, p] of g.own) h.made.set(`${name}:g:${id}`, p);
  after(vm, host, delta, rss0, anon0, walk);
  // what the counted objects it left in the collector are (gc.get_objects lists them)
  const o = delta.gc.objects;
  vm.gc.inventory.add(`import ${name}`, importHistogram(host.version, name), o[0] + o[1] + o[2]);
}

/** The footprint's own ids → pointers, and what earlier imports left live. */
interface Ids {
  own: Map<number, number>;
  made: Map<string, number>;
  gone: Set<string>;
}

/** A block made before the import: a calibrated start-up block of the size class, or a start-up chunk. */
function preexisting(host: ImportHost, ref: string): number {
  if (ref.startsWith('~g:')) {
    const sid = Number(ref.split(':')[1]);
    const p = host.liveIds.get(sid);
    if (p === undefined) return 0;
    host.liveIds.delete(sid);
    return p;
  }
  const size = Number(ref.slice(1));
  const live = host.liveBlocks;
  for (let i = live.length - 1; i >= 0; i--) {
    if (live[i] !== 0 && host.blockSize(live[i]) === size) {
      const p = live[i];
      live[i] = 0;
      return p;
    }
  }
  return 0;
}

/**
 * A block named by the trace: its own id, a block an earlier import made (`^module:p:id:size`;
 * a pymalloc block of the size class if that import made other calls here than when this one was
 * captured), or the start-up's (`~…`).
 */
function resolve(host: ImportHost, ids: Ids, ref: string): number {
  if (ref.startsWith('~')) return preexisting(host, ref);
  if (ref.startsWith('^')) {
    const [mod, dom, id, size] = ref.slice(1).split(':');
    const key = `${mod}:${dom}:${id}`;
    const p = ids.made.get(key);
    if (p !== undefined) {
      ids.made.delete(key);
      return p;
    }
    // freed by the collector as that import's garbage (importGarbage.ts): not another block of its size
    if (ids.gone.has(key)) return 0;
    return dom === 'p' ? preexisting(host, `~${(Number(size) + 15) & ~15}`) : 0;
  }
  const id = Number(ref);
  const p = ids.own.get(id) ?? 0;
  ids.own.delete(id);
  return p;
}

/** A pymalloc-level call, made through the process's pymalloc; what it returns is written. */
function replayPymalloc(
  vm: Vm,
  host: ImportHost,
  ids: Ids,
  op: string,
  a: string,
  b: string,
  c: string,
): void {
  const mem = vm.mem;
  switch (op) {
    case 'm': {
      const p = mem.malloc(Number(b));
      ids.own.set(Number(a), p);
      mem.touch(p, Number(b));
      return;
    }
    case 'c': {
      const p = mem.calloc(Number(b), Number(c));
      ids.own.set(Number(a), p);
      return;
    }
    case 'r': {
      const old = b === '0' ? 0 : resolve(host, ids, b);
      if (b !== '0' && old === 0) {
        // the old block was not found among the start-up's: the call is a fresh allocation here
        const p = mem.malloc(Number(c));
        ids.own.set(Number(a), p);
        mem.touch(p, Number(c));
        return;
      }
      const p = mem.realloc(old, Number(c));
      ids.own.set(Number(a), p);
      mem.touch(p, Number(c));
      return;
    }
    default: {
      const p = resolve(host, ids, a);
      if (p) mem.free(p);
    }
  }
}

/** A C-library call outside pymalloc (PyMem_Raw*, the dynamic loader, libraries). */
function replayLibc(host: ImportHost, ids: Ids, op: string, a: string, b: string, c: string): void {
  const libc = host.libc;
  switch (op) {
    case 'm': {
      const p = libc.malloc(Number(b));
      ids.own.set(Number(a), p);
      host.kernel.touch(p, Number(b));
      return;
    }
    case 'c':
      ids.own.set(Number(a), libc.calloc(Number(b), Number(c)));
      return;
    case 'r': {
      const old = b === '0' ? 0 : resolve(host, ids, b);
      const p = b !== '0' && old === 0 ? libc.malloc(Number(c)) : libc.realloc(old, Number(c));
      ids.own.set(Number(a), p);
      host.kernel.touch(p, Number(c));
      return;
    }
    case 't':
      libc.trim(Number(a));
      return;
    default: {
      const p = resolve(host, ids, a);
      if (p) libc.free(p);
    }
  }
}

/** The libraries' anonymous mappings, the collector's counters and the file pages' RSS. */
function after(
  vm: Vm,
  host: ImportHost,
  d: FootprintDelta,
  rss0: number,
  anon0: number,
  walk: ImportWalk | undefined,
): void {
  const modelled = host.kernel.anonMmapBytes - anon0;
  const library =
    d.anonMmap - d.arenas * (1 << 20) - d.hblkhd - Math.max(0, modelled - d.arenas * (1 << 20) - d.hblkhd);
  if (library > 0) host.kernel.mmap(library, 'interpreter', 'an imported module: shared library (.bss)');
  collectorAfterImport(vm, d, walk);
  const added = host.kernel.rss - rss0;
  if (d.rss > added) host.kernel.baselineRss += d.rss - added;
}

/**
 * What the import did to the collector. The capture's counters are the difference of two readings
 * of a process whose generation 0 started at its own count, so the collections it saw (where that
 * count crossed the threshold) do not carry over: what does is how many tracked objects the import
 * made net of those it freed (_PyObject_GC_Link / PyObject_GC_Del), which is the change of
 * generation 0's count plus threshold + 1 for each collection (each one ran at count 701 and reset
 * it to 0). Linked here one by one, they collect where this process's own count puts them: 3.11.7's
 * `import dataclasses` after `import sys` in the recorder's child runs 4 collections and leaves
 * count 80 (the readings added as deltas left 893, and the script's next allocation collected).
 * The import's objects (not modelled one by one) join generation 0 first, so the collections age
 * them as they age the script's. Where the import's walk is recorded (importWalks.ts), the links
 * follow the free lists as this process has them instead of the capture's (emptied at its start):
 * the capture's count holds every tuple, list and dict the import took as a link.
 */
function collectorAfterImport(vm: Vm, d: FootprintDelta, walk: ImportWalk | undefined): void {
  const gc = vm.gc;
  const c = d.gc.collections;
  const links =
    walk !== undefined
      ? playWalk(walk, vm.free, vm.py.freelists)
      : d.gc.count[0] + (vm.py.gc.thresholds[0] + 1) * (c[0] + c[1] + c[2]);
  const o = d.gc.objects;
  gc.size[0] = Math.max(0, gc.size[0] + o[0] + o[1] + o[2]);
  if (links <= 0) {
    gc.count[0] = Math.max(0, gc.count[0] + links);
    return;
  }
  for (let i = 0; i < links; i++) gc.linked();
}

/**
 * A block of `size`'s class that the start-up left live (a calibrated start-up block), handed
 * over to whatever start-up object owns it in the model (e.g. a table made statically here whose
 * real block the script later frees). 0 when the process has none left (or no start-up profile).
 */
export function takeStartupBlock(vm: Vm, size: number): number {
  const h = hosts.get(vm);
  return h === undefined ? 0 : preexisting(h.host, `~${size}`);
}
