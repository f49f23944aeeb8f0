import { moduleData } from '../objects/module';
import { interpOf } from './host';
import { importCost, importCovered } from './footprint';
import { findModule, type ModuleSpec } from './registry';
import { THREADING_SOURCE } from './threadingSource';
import { FUTURES_SOURCE, QUEUE_SOURCE } from './queueSource';

/**
 * threading, queue and concurrent.futures: modules written in Python (threadingSource.ts,
 * queueSource.ts) over _thread, run on first import. What the real import costs comes from the
 * recordings where they have it (footprint.ts): threading is loaded at start-up by 3.11.7 (free),
 * queue and concurrent.futures replay their captured footprints (3.11.7: `from concurrent.futures
 * import ThreadPoolExecutor` brings in logging, traceback, tokenize, string, heapq, queue and
 * concurrent.futures.thread: +0.8 MiB RSS, one more pymalloc arena, measured), and then the body
 * runs accounted (Mem.accounted: its objects are that cost already). Where a profile has neither
 * (Debian's 3.11.2 has no threading footprint), the body's own objects are the cost.
 * concurrent.futures here holds ThreadPoolExecutor itself, so its import pays for
 * concurrent.futures.thread too (the real package imports it on first use of the name).
 */
const sourceModule = (
  name: string,
  source: string,
  deps: string[] = [],
  pays: string[] = [],
): ModuleSpec => ({
  name,
  load: (vm, importModule) => {
    for (const d of deps) vm.decref(importModule(d));
    for (const m of pays) importCost(vm, m, importModule, (n) => findModule(n) !== undefined);
    const mem = vm.mem;
    const was = mem.accounted;
    if (importCovered(vm, name)) mem.accounted = true;
    let mod: number;
    try {
      mod = interpOf(vm).execSourceModule(name, source);
    } finally {
      mem.accounted = was;
    }
    const dot = name.lastIndexOf('.');
    if (dot > 0) {
      // the submodule becomes an attribute of its package, as the import system sets it
      const parent = importModule(name.slice(0, dot));
      vm.incref(mod);
      moduleData(vm, parent).attrs.set(name.slice(dot + 1), mod);
      vm.decref(parent);
    }
    return mod;
  },
});

export const threadingModule = sourceModule('threading', THREADING_SOURCE, ['_thread']);
export const queueModule = sourceModule('queue', QUEUE_SOURCE, ['threading']);
export const concurrentFuturesModules: ModuleSpec[] = [
  sourceModule('concurrent', ''),
  sourceModule('concurrent.futures', FUTURES_SOURCE, ['threading', 'queue'], ['concurrent.futures.thread']),
];
