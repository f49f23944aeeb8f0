import { callTuple } from '../abstract/call';
import { richCompareBool } from '../abstract/compare';
import { typeError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import { PyError } from '../errors';
import { isCallable } from '../objects/dictsub';
import { stackAsDict, tupleFromArray } from '../abstract/call';
import { fromSsize } from '../objects/int';
import { tupleFromItems } from '../objects/tuple';
import { Cmp, Meth, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fn, makeModule } from './module';
import type { ModuleSpec } from './registry';

/**
 * atexit (Modules/atexitmodule.c, 3.11): the interpreter's table of Python exit callbacks. A
 * start-up module in 3.11.7 (free to import). The table itself (32 pointers, PyMem) is made at
 * start-up; past 32 entries atexit_register grows it by 16 with PyMem_Realloc. Each entry is a
 * 24-byte PyMem block {func, args, kwargs}. unregister empties the slots whose func compares equal
 * (atexit_delete_cb) but does not lower the count, which _ncallbacks() reports, as the real one does.
 * At exit (Py_FinalizeEx → atexit_callfuncs) the entries run last to first; an exception is
 * "Exception ignored in atexit callback: <func>" on stderr and the next runs; then all are freed.
 */
interface Callback {
  func: number;
  args: number;
  kwargs: number;
  block: number;
}

interface AtexitState {
  slots: (Callback | null)[];
  /** callback_len: the table's capacity (its PyMem block is the start-up's until it grows). */
  capacity: number;
  table: number;
}

const states = new WeakMap<Vm, AtexitState>();
const INITIAL_LEN = 32;
const GROWTH = 16;

function stateOf(vm: Vm): AtexitState {
  let s = states.get(vm);
  if (s === undefined) {
    s = { slots: [], capacity: INITIAL_LEN, table: 0 };
    states.set(vm, s);
  }
  return s;
}

/** atexit_register's storing part: `args` a tuple and `kwargs` a dict or 0, both references taken over. */
export function atexitAdd(vm: Vm, func: number, args: number, kwargs: number): void {
  const s = stateOf(vm);
  if (s.slots.length >= s.capacity) {
    s.capacity += GROWTH;
    // the start-up's table is outside the simulated heap's accounting: the first growth is a new block
    s.table = s.table === 0 ? vm.mem.malloc(8 * s.capacity) : vm.mem.realloc(s.table, 8 * s.capacity);
  }
  const block = vm.mem.malloc(24);
  vm.incref(func);
  s.slots.push({ func, args, kwargs, block });
}

function deleteCallback(vm: Vm, s: AtexitState, i: number): void {
  const cb = s.slots[i];
  if (cb === null) return;
  s.slots[i] = null;
  vm.decref(cb.func);
  vm.decref(cb.args);
  if (cb.kwargs !== 0) vm.decref(cb.kwargs);
  vm.mem.free(cb.block);
}

/** atexit_cleanup: every entry freed, the count back to 0 (the table keeps its size). */
function clearAll(vm: Vm): void {
  const s = stateOf(vm);
  for (let i = 0; i < s.slots.length; i++) deleteCallback(vm, s, i);
  s.slots.length = 0;
}

/** atexit_callfuncs: last registered first; exceptions are unraisable; then atexit_cleanup. */
export function runExitFuncs(vm: Vm): void {
  const s = states.get(vm);
  if (s === undefined) return;
  for (let i = s.slots.length - 1; i >= 0; i--) {
    const cb = s.slots[i];
    if (cb === null) continue;
    const func = cb.func;
    vm.incref(func);
    try {
      vm.decref(callTuple(vm, func, cb.args, cb.kwargs));
    } catch (e) {
      if (!(e instanceof PyError) || e.excType < 0) throw e;
      vm.eval.writeUnraisable(e, `Exception ignored in atexit callback: ${reprText(vm, func)}`);
    } finally {
      vm.decref(func);
    }
  }
  clearAll(vm);
}

/**
 * atexit.register(func, *args, **kwargs), METH_VARARGS|METH_KEYWORDS: the call's argument tuple
 * and keyword dict are made as cfunction_call makes them; the entry keeps a slice of the tuple
 * (PyTuple_GetSlice) and the dict itself.
 */
function register(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  const whole = tupleFromArray(vm, args);
  const dict = kw !== null && kw.size > 0 ? stackAsDict(vm, kw) : 0;
  try {
    if (args.length === 0) throw typeError(vm, 'register() takes at least 1 argument (0 given)');
    const func = args[0];
    if (!isCallable(vm, func)) throw typeError(vm, 'the first argument must be callable');
    const rest = args.slice(1);
    for (const a of rest) vm.incref(a);
    const tail = tupleFromItems(vm, rest);
    if (dict !== 0) vm.incref(dict);
    atexitAdd(vm, func, tail, dict);
    vm.incref(func);
    return func;
  } finally {
    vm.decref(whole);
    if (dict !== 0) vm.decref(dict);
  }
}

function unregister(vm: Vm, func: number): number {
  const s = stateOf(vm);
  for (let i = 0; i < s.slots.length; i++) {
    const cb = s.slots[i];
    if (cb !== null && richCompareBool(vm, cb.func, func, Cmp.EQ)) deleteCallback(vm, s, i);
  }
  return vm.s.None;
}

export const atexitModule: ModuleSpec = {
  name: 'atexit',
  load: (vm) =>
    makeModule(vm, 'atexit', [
      fn('register', Meth.Fastcall | Meth.Keywords, (vm2, _m, a, kw) => register(vm2, a, kw)),
      fn('unregister', Meth.O, (vm2, _m, a) => unregister(vm2, a[0])),
      fn('_clear', Meth.NoArgs, (vm2) => (clearAll(vm2), vm2.s.None)),
      fn('_run_exitfuncs', Meth.NoArgs, (vm2) => (runExitFuncs(vm2), vm2.s.None)),
      fn('_ncallbacks', Meth.NoArgs, (vm2) => fromSsize(vm2, stateOf(vm2).slots.length)),
    ]),
};
