import { moduleData } from '../objects/module';
import { interpOf } from './host';
import type { ModuleSpec } from './registry';
import { THREADING_SOURCE } from './threadingSource';
import { FUTURES_SOURCE, QUEUE_SOURCE } from './queueSource';

/**
 * threading, queue and concurrent.futures: modules written in Python (threadingSource.ts,
 * queueSource.ts) over _thread, run on first import. The recorder's process has threading
 * imported already; the objects this import makes (its classes, functions and the main Thread,
 * 18 KiB of pymalloc blocks and 13 KiB of glibc chunks) are counted in the step that imports it, where the
 * real run had them before `<start>`. queue and concurrent.futures are not imported at start-up
 * in the real process; what their real import loads besides (collections, heapq, types, …) is
 * not modelled.
 */
const sourceModule = (name: string, source: string, deps: string[] = []): ModuleSpec => ({
  name,
  load: (vm, importModule) => {
    for (const d of deps) vm.decref(importModule(d));
    const mod = interpOf(vm).execSourceModule(name, source);
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
  sourceModule('concurrent.futures', FUTURES_SOURCE, ['threading', 'queue']),
];
