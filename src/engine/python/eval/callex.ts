import { typeError } from '../abstract/errors';
import { CO_OPTIMIZED } from '../compiler/code';
import { dictEntries } from '../objects/dict';
import { functionData } from '../objects/func';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { T } from '../objects/types';
import { funcCode, pushFunction } from './calls';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';

/**
 * _PyEvalFramePushAndInit_Ex (3.12+, CALL_FUNCTION_EX of a Python function): the frame is pushed
 * in the same loop instead of going through PyObject_Call. With a non-empty keyword dict,
 * _PyStack_UnpackDict first makes a stack of 1 + nargs + nkwargs words (PyMem_Malloc) and a tuple
 * of the dict's keys (new references to the arguments and the values); the frame's locals are
 * initialized from them (a **kwargs dict made there), then the stack is freed and the names tuple
 * released (_PyStack_UnpackDict_FreeNoDecRef), then the argument tuple and the dict, all before
 * the body runs (measured on 3.12.1: json.load's call of loads frees its 64-byte stack and the
 * keyword dict's keys right after loads' `**kw` dict is made). The frame steals `fn`; `callargs`
 * and `kwargs` are released here, also when the call fails.
 */
export function pushFunctionEx(it: Interpreter, fn: number, callargs: number, kwargs: number): Frame {
  const vm = it.vm;
  const args = tupleItems(vm, callargs);
  const nargs = args.length;
  const hasDict = kwargs !== 0 && vm.table.n[kwargs] > 0;
  let stack = 0;
  let kwnames = 0;
  let laid: Int32Array;
  try {
    if (hasDict) {
      const entries = Array.from(dictEntries(vm, kwargs));
      for (const [k] of entries)
        if (vm.table.type[k] !== T.Str) throw typeError(vm, 'keywords must be strings');
      stack = vm.mem.malloc(8 * (1 + nargs + entries.length));
      for (const [k] of entries) vm.incref(k);
      kwnames = tupleFromItems(
        vm,
        entries.map(([k]) => k),
      );
      laid = new Int32Array(nargs + entries.length);
      laid.set(args);
      entries.forEach(([, v], i) => (laid[nargs + i] = v));
    } else laid = args;
    for (let i = 0; i < laid.length; i++) vm.incref(laid[i]);
  } catch (e) {
    vm.decref(fn);
    vm.decref(callargs);
    if (kwargs !== 0) vm.decref(kwargs);
    throw e;
  }
  const code = funcCode(it, fn);
  const locals = code.co.flags & CO_OPTIMIZED ? 0 : functionData(vm, fn).globals || it.globals;
  try {
    return pushFunction(it, fn, laid, 0, nargs, kwnames, locals);
  } finally {
    if (stack !== 0) vm.mem.free(stack);
    if (kwnames !== 0) vm.decref(kwnames);
    vm.decref(callargs);
    if (kwargs !== 0) vm.decref(kwargs);
  }
}
