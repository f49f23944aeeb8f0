import { unicodeFromFormat } from '../abstract/fromformat';
import type { Vm } from '../runtime/vm';
import { methodNew } from './classobject';
import { dictNew, dictSetItem } from './dict';
import { instanceDict } from './instance';
import { tupleItem } from './tuple';
import { intern } from './str';
import { T, TpFlags, defineType, type Visit, type TypeSlots } from './types';

/**
 * Function objects and cells (Objects/funcobject.c, cellobject.c). Sizes with the GC head:
 * PyFunctionObject 16 + 136 = 152, PyCellObject 16 + 24 = 40.
 */
export const FUNCTION_BASIC = 136;
export const CELL_BASIC = 24;

/** What a function object refers to besides its code (the code itself is compile-time). */
export interface FunctionData {
  /** The compiled unit (the interpreter decides what it is). */
  code: unknown;
  name: string;
  qualname: string;
  defaults: number;
  closure: number;
  /** func_dict (attributes set on the function), made on first use; 0 = none. */
  dict: number;
  /** func_kwdefaults (a dict), 0 = none. */
  kwdefaults: number;
  /**
   * func_annotations: MAKE_FUNCTION's flat (name, value, …) tuple, turned into a dict the first
   * time __annotations__ is read (an empty one made then if there were none); 0 = none.
   */
  annotations: number;
  /** func_globals (borrowed here: the module's dict lives as long as the run); 0 = the script's. */
  globals: number;
}

/** MAKE_FUNCTION: PyFunction_New, a tracked GC object; `defaults` and `closure` are stolen. */
export function functionNew(
  vm: Vm,
  code: unknown,
  name: string,
  defaults: number,
  closure: number,
  qualname = name,
): number {
  const h = vm.newGcObject(T.Function, FUNCTION_BASIC);
  vm.table.side[h] = {
    code,
    name,
    qualname,
    defaults,
    closure,
    dict: 0,
    kwdefaults: 0,
    annotations: 0,
    globals: 0,
  } satisfies FunctionData;
  vm.gc.track(h);
  return h;
}

export function functionData(vm: Vm, h: number): FunctionData {
  return vm.table.side[h] as FunctionData;
}

/** func_dealloc → func_clear: defaults, kwdefaults, dict, closure, annotations, then PyObject_GC_Del. */
function functionDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  functionClear(vm, h);
  vm.gcDel(h);
}

function functionTraverse(vm: Vm, h: number, visit: Visit): void {
  const f = functionData(vm, h);
  if (f.defaults) visit(f.defaults);
  if (f.kwdefaults) visit(f.kwdefaults);
  if (f.dict) visit(f.dict);
  if (f.closure) visit(f.closure);
  if (f.annotations) visit(f.annotations);
}

function functionClear(vm: Vm, h: number): void {
  const f = functionData(vm, h);
  const { defaults, kwdefaults, dict, closure, annotations } = f;
  f.defaults = 0;
  f.kwdefaults = 0;
  f.dict = 0;
  f.closure = 0;
  f.annotations = 0;
  vm.xdecref(defaults);
  vm.xdecref(kwdefaults);
  vm.xdecref(dict);
  vm.xdecref(closure);
  vm.xdecref(annotations);
}

export const FunctionType = (): TypeSlots =>
  defineType({
    id: T.Function,
    name: 'function',
    basicsize: FUNCTION_BASIC,
    flags: TpFlags.HaveGc | TpFlags.MethodDescriptor | TpFlags.HaveVectorcall,
    // offsetof(PyFunctionObject, func_dict): `f.attr = v` makes the dict (PyDict_New) on first use
    dictoffset: 88,
    dealloc: functionDealloc,
    traverse: functionTraverse,
    clear: functionClear,
    repr: (vm, h) => unicodeFromFormat(vm, '<function %U at %p>', [functionData(vm, h).qualname, vm.id(h)]),
    reprText: (vm, h) => `<function ${functionData(vm, h).qualname} at 0x${vm.id(h).toString(16)}>`,
    // _PyFunction_Vectorcall: the interpreter runs the body (the frame takes its own references)
    vectorcall: (vm, fn, args, kw) => vm.eval.callFunction(fn, args, kw),
    // func_descr_get: looked up on an instance, a function becomes a bound method
    descrGet: (vm, fn, obj) => {
      if (obj === 0 || obj === vm.s.None) {
        vm.incref(fn);
        return fn;
      }
      return methodNew(vm, fn, obj);
    },
    getset: {
      __name__: { name: '__name__', get: (vm, h) => intern(vm, functionData(vm, h).name) },
      __module__: { name: '__module__', get: (vm) => intern(vm, '__main__') },
      __doc__: { name: '__doc__', get: (vm) => vm.s.None },
      // func_get_annotations: an empty dict made on first read, kept by the function
      __annotations__: {
        name: '__annotations__',
        get: (vm, h) => {
          const f = functionData(vm, h);
          if (!f.annotations) f.annotations = dictNew(vm);
          else if (vm.table.type[f.annotations] === T.Tuple) {
            // the compiler's (name, value, …) tuple becomes the dict now
            const t = f.annotations;
            const d = dictNew(vm);
            for (let i = 0; i + 1 < vm.table.n[t]; i += 2) dictSetItem(vm, d, tupleItem(vm, t, i), tupleItem(vm, t, i + 1));
            f.annotations = d;
            vm.decref(t);
          }
          vm.incref(f.annotations);
          return f.annotations;
        },
      },
      __qualname__: { name: '__qualname__', get: (vm, h) => intern(vm, functionData(vm, h).qualname) },
      // PyObject_GenericGetDict: the dict made if the function has none yet
      __dict__: {
        name: '__dict__',
        get: (vm, h) => {
          const d = instanceDict(vm, h);
          vm.incref(d);
          return d;
        },
      },
      __defaults__: {
        name: '__defaults__',
        get: (vm, h) => {
          const d = functionData(vm, h).defaults || vm.s.None;
          vm.incref(d);
          return d;
        },
      },
    },
  });

// ---- cells ------------------------------------------------------------------------------

/** PyCell_New(v) (MAKE_CELL): tracked. `v` is borrowed. */
export function cellNew(vm: Vm, v: number): number {
  const h = vm.newGcObject(T.Cell, CELL_BASIC);
  if (v) vm.incref(v);
  vm.table.ref[h] = v;
  vm.gc.track(h);
  return h;
}

export const CellType = (): TypeSlots =>
  defineType({
    id: T.Cell,
    name: 'cell',
    basicsize: CELL_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      vm.xdecref(vm.table.ref[h]);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      if (vm.table.ref[h]) visit(vm.table.ref[h]);
    },
    clear: (vm, h) => {
      const v = vm.table.ref[h];
      vm.table.ref[h] = 0;
      vm.xdecref(v);
    },
    reprText: (vm, h) =>
      `<cell at 0x${vm.id(h).toString(16)}: ${vm.table.ref[h] ? `${vm.typeOf(vm.table.ref[h]).name} object` : 'empty'}>`,
  });
