import { call, makeTpCall, callTuple, tupleFromArray, vectorcallOf } from '../abstract/call';
import { raiseString } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { dictCopy, dictEntries, dictNew } from './dict';
import { dictMerge } from './dictmerge';
import { isCallable } from './dictsub';
import { E } from './exctypes';
import { moduleType } from './modtypes';
import { genericAlloc } from './object';
import { tupleItems } from './tuple';
import { Meth, T, TpFlags, defineType, type Kwargs, type TypeSlots } from './types';
import { builtinDef } from './descr';
import { strValue } from './str';

/** PySequence_Concat of two tuples (tupleconcat: an empty side gives the other back). */
const concatTuples = (vm: Vm, a: number, b: number): number => vm.types[T.Tuple].sequence!.concat!(vm, a, b);

/**
 * functools.partial (Modules/_functoolsmodule.c partialobject, 16 GC + 64 bytes: fn, args (a
 * tuple), kw (always a dict), dict, weakreflist, vectorcall). A partial of a partial flattens
 * into one. It is called by vectorcall (partial_vectorcall: the stored arguments and the new ones
 * on the C stack, a PyMem array past 5) while its keywords are empty; the first call that finds
 * keywords switches the object to tp_call for good (partial_vectorcall_fallback), which packs
 * an argument tuple, copies the keywords and concatenates the arguments.
 */
export interface PartialState {
  fn: number;
  args: number;
  kw: number;
  dict: number;
  /** pto->vectorcall is set (the function has one and the object has not fallen back). */
  vectorcall: boolean;
}

export const partialState = (vm: Vm, h: number): PartialState => vm.table.side[h] as PartialState;
export const partialType = (vm: Vm): TypeSlots => moduleType(vm, PartialType);

/** _PY_FASTCALL_SMALL_STACK: arguments a C stack array holds before partial_vectorcall mallocs. */
const SMALL_STACK = 5;

/**
 * _PyVectorcall_Function(fn) != NULL: a built-in function of METH_VARARGS has none (it is called
 * through cfunction_call with a tuple); anything else as its type says.
 */
function hasVectorcall(vm: Vm, fn: number): boolean {
  if (vm.table.type[fn] === T.Builtin) return !(builtinDef(vm, fn).flags & Meth.Varargs);
  return vectorcallOf(vm, fn) !== null;
}

function partialNew(vm: Vm, type: TypeSlots, args: number, kw: number): number {
  const a = tupleItems(vm, args);
  if (a.length < 1) throw raiseString(vm, E.TypeError, "type 'partial' takes at least one argument");
  let func = a[0];
  let pargs = 0;
  let pkw = 0;
  const pt = partialType(vm);
  if (vm.typeOf(func).call === pt.call && vm.typeOf(func).mro.includes(pt.id)) {
    const part = partialState(vm, func);
    if (part.dict === 0) {
      pargs = part.args;
      pkw = part.kw;
      func = part.fn;
    }
  }
  if (!isCallable(vm, func)) throw raiseString(vm, E.TypeError, 'the first argument must be callable');
  const h = genericAlloc(vm, type, 0);
  vm.incref(func);
  const s: PartialState = { fn: func, args: 0, kw: 0, dict: 0, vectorcall: false };
  vm.table.side[h] = s;
  try {
    // PyTuple_GetSlice(args, 1, PY_SSIZE_T_MAX)
    const nargs = tupleFromArray(vm, Array.from(a.subarray(1)));
    if (pargs === 0) s.args = nargs;
    else {
      s.args = concatTuples(vm, pargs, nargs);
      vm.decref(nargs);
    }
    if (pkw === 0 || vm.table.n[pkw] === 0) {
      if (kw === 0) s.kw = dictNew(vm);
      else if (vm.table.refcnt[kw] === 1) {
        vm.incref(kw);
        s.kw = kw;
      } else s.kw = dictCopy(vm, kw);
    } else {
      s.kw = dictCopy(vm, pkw);
      if (kw !== 0) dictMerge(vm, s.kw, kw);
    }
  } catch (e) {
    vm.decref(h);
    throw e;
  }
  // partial_setvectorcall: only when the function itself has vectorcall
  s.vectorcall = hasVectorcall(vm, s.fn);
  return h;
}

/** partial_vectorcall (or the tp_call path once the object fell back). */
function partialVectorcall(vm: Vm, h: number, args: readonly number[], kw: Kwargs | null): number {
  const s = partialState(vm, h);
  if (!s.vectorcall) return makeTpCall(vm, h, args, kw);
  if (vm.table.n[s.kw] > 0) {
    // partial_vectorcall_fallback
    s.vectorcall = false;
    return makeTpCall(vm, h, args, kw);
  }
  const ptoArgs = Array.from(tupleItems(vm, s.args));
  const total = ptoArgs.length + args.length + (kw?.size ?? 0);
  if (args.length + (kw?.size ?? 0) === 0) return call(vm, s.fn, ptoArgs, null);
  // one stored argument goes in front through PY_VECTORCALL_ARGUMENTS_OFFSET: no array
  if (ptoArgs.length === 1) return call(vm, s.fn, [ptoArgs[0], ...args], kw);
  let stack = 0;
  if (total > SMALL_STACK) stack = vm.mem.malloc(8 * total);
  try {
    return call(vm, s.fn, [...ptoArgs, ...args], kw);
  } finally {
    if (stack) vm.mem.free(stack);
  }
}

/** partial_call: the keywords merged into a copy of the stored ones, the arguments concatenated, PyObject_Call. */
function partialCall(vm: Vm, h: number, args: number, kwargs: number): number {
  const s = partialState(vm, h);
  let kwargs2: number;
  if (vm.table.n[s.kw] === 0) {
    kwargs2 = kwargs;
    if (kwargs2) vm.incref(kwargs2);
  } else {
    kwargs2 = dictCopy(vm, s.kw);
    if (kwargs !== 0) dictMerge(vm, kwargs2, kwargs);
  }
  let args2: number;
  try {
    args2 = concatTuples(vm, s.args, args);
  } catch (e) {
    if (kwargs2) vm.decref(kwargs2);
    throw e;
  }
  try {
    return callTuple(vm, s.fn, args2, kwargs2);
  } finally {
    vm.decref(args2);
    if (kwargs2) vm.decref(kwargs2);
  }
}

function partialClear(vm: Vm, h: number): void {
  const s = partialState(vm, h);
  for (const k of ['fn', 'args', 'kw', 'dict'] as const) {
    const v = s[k];
    s[k] = 0;
    if (v) vm.decref(v);
  }
}

function partialText(vm: Vm, h: number, depth: number): string {
  const s = partialState(vm, h);
  const parts = [reprText(vm, s.fn, depth + 1)];
  for (const x of tupleItems(vm, s.args)) parts.push(reprText(vm, x, depth + 1));
  for (const [k, v] of dictEntries(vm, s.kw)) parts.push(`${strValue(vm, k)}=${reprText(vm, v, depth + 1)}`);
  const t = vm.typeOf(h);
  const name = t.id === partialType(vm).id ? 'functools.partial' : `${t.module}.${t.qualname}`;
  return `${name}(${parts.join(', ')})`;
}

const getter = (k: 'fn' | 'args' | 'kw') => ({
  name: k === 'fn' ? 'func' : k === 'kw' ? 'keywords' : 'args',
  get: (vm: Vm, h: number) => {
    const v = partialState(vm, h)[k];
    vm.incref(v);
    return v;
  },
});

export const PartialType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'partial',
    module: 'functools',
    basicsize: 64,
    // offsetof(partialobject, dict): setattr(p, name, v) stores into the dict (configparser's
    // ConverterMapping sets `func.converter`)
    dictoffset: 40,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.HaveVectorcall,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      partialClear(vm, h);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const s = partialState(vm, h);
      for (const v of [s.fn, s.args, s.kw, s.dict]) if (v) visit(v);
    },
    clear: partialClear,
    reprText: partialText,
    call: partialCall,
    vectorcall: partialVectorcall,
    new: partialNew,
    members: { func: getter('fn'), args: getter('args'), keywords: getter('kw') },
    getset: {
      __dict__: {
        name: '__dict__',
        get: (vm, h) => {
          const s = partialState(vm, h);
          if (s.dict === 0) s.dict = dictNew(vm);
          vm.incref(s.dict);
          return s.dict;
        },
      },
    },
  });
