import { call } from '../abstract/call';
import { reprText } from '../abstract/repr';
import { PyError } from '../errors';
import { dictNew, dictSetItem } from '../objects/dict';
import { fromSsize } from '../objects/int';
import { listItem } from '../objects/list';
import { strNew } from '../objects/str';
import type { Vm } from '../runtime/vm';

/**
 * invoke_gc_callback (Modules/gcmodule.c, 3.11): before and after every collection, when
 * gc.callbacks is not empty, an info dict (Py_BuildValue("{sisnsn}"): the dict, then each key a
 * new str and each value an int, set and let go) and, per callback, PyObject_CallFunction(cb,
 * "sO", phase, info): the phase as a new str, the two on a C stack (a vectorcall, no tuple); the callback runs (its
 * allocations count towards the next collection: the collector is flagged busy meanwhile, so
 * none nests); an exception from it is unraisable. The callback list is read by index as it
 * runs, as the C loop does.
 */
export function invokeGcCallbacks(
  vm: Vm,
  callbacks: number,
  phase: 'start' | 'stop',
  generation: number,
  collected: number,
  uncollectable: number,
): void {
  if (vm.table.n[callbacks] === 0) return;
  const info = dictNew(vm);
  for (const [k, v] of [
    ['generation', generation],
    ['collected', collected],
    ['uncollectable', uncollectable],
  ] as const) {
    const key = strNew(vm, k);
    const value = fromSsize(vm, v);
    dictSetItem(vm, info, key, value);
    vm.decref(key);
    vm.decref(value);
  }
  try {
    for (let i = 0; i < vm.table.n[callbacks]; i++) {
      const cb = listItem(vm, callbacks, i);
      vm.incref(cb);
      try {
        // _PyObject_CallFunctionVa: the arguments on a C stack (_Py_VaBuildStack), no tuple
        const phaseStr = strNew(vm, phase);
        try {
          vm.decref(call(vm, cb, [phaseStr, info], null));
        } finally {
          vm.decref(phaseStr);
        }
      } catch (e) {
        if (!(e instanceof PyError) || e.excType < 0) throw e;
        vm.eval.writeUnraisable(e, `Exception ignored in: ${reprText(vm, cb)}`);
      } finally {
        vm.decref(cb);
      }
    }
  } finally {
    vm.decref(info);
  }
}
