import { moduleData } from '../objects/module';
import { interpOf } from './host';
import { importCovered } from './footprint';
import type { ModuleSpec } from './registry';
import { THREADING_SOURCE } from './threadingSource';
import { FUTURES_SOURCE, FUTURES_THREAD_SOURCE } from './futuresSource';
import { QUEUE_SOURCE } from './queueSource';

/**
 * threading, queue and concurrent.futures: modules written in Python (threadingSource.ts,
 * queueSource.ts) over _thread, run on first import. What the real import costs comes from the
 * recordings where they have it (footprint.ts): threading is loaded at start-up by 3.11.7 (free),
 * queue and concurrent.futures replay their captured footprints (3.11.7: `from concurrent.futures
 * import ThreadPoolExecutor` brings in logging, traceback, tokenize, string, heapq, queue and
 * concurrent.futures.thread: +0.8 MiB RSS, one more pymalloc arena, measured), and then the body
 * runs accounted (Mem.accounted: its objects are that cost already). Where a profile has neither
 * (Debian's 3.11.2 has no threading footprint), the body's own objects are the cost.
 * concurrent.futures.thread (ThreadPoolExecutor) is its own module, imported (and its footprint,
 * with queue's and _queue's, paid) on the package's first lookup of ThreadPoolExecutor, as the
 * real package's module `__getattr__` does: `import asyncio` imports concurrent.futures but not
 * the executor (3.11.7: 0 of queue, _queue, concurrent.futures.thread in sys.modules after it).
 */
export const sourceModule = (
  name: string,
  source: string,
  deps: string[] = [],
  lazy: Record<string, string> = {},
): ModuleSpec => ({
  name,
  load: (vm, importModule) => {
    for (const d of deps) vm.decref(importModule(d));
    const mem = vm.mem;
    const was = mem.accounted;
    if (importCovered(vm, name)) mem.accounted = true;
    let mod: number;
    try {
      mod = interpOf(vm).execSourceModule(name, source);
    } finally {
      mem.accounted = was;
    }
    const data = moduleData(vm, mod);
    for (const [attr, from] of Object.entries(lazy)) {
      // a PEP 562 module __getattr__: the submodule imported on the name's first lookup
      data.lazy ??= new Map();
      data.lazy.set(attr, () => {
        const sub = importModule(from);
        const v = moduleData(vm, sub).attrs.get(attr)!;
        vm.incref(v);
        vm.decref(sub);
        return v;
      });
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
  sourceModule('concurrent.futures', FUTURES_SOURCE, ['threading'], { ThreadPoolExecutor: 'concurrent.futures.thread' }),
  sourceModule('concurrent.futures.thread', FUTURES_THREAD_SOURCE, ['threading', 'queue', 'concurrent.futures']),
];
