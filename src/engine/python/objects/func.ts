import { unicodeFromFormat } from '../abstract/fromformat';
import { typeError, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { methodNew } from './classobject';
import { dictNew, dictSetItem } from './dict';
import { tupleItem } from './tuple';
import { intern, strValue } from './str';
import { T, TpFlags, defineType, type Kwargs, type Visit, type TypeSlots } from './types';

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
  /** func_globals (borrowed for the script's own dict, which lives as long as the run); 0 = the script's. */
  globals: number;
  /** func_globals is a strong reference (a function made by exec/eval code in a dict of its own). */
  ownsGlobals?: boolean;
  /** func_module and func_doc once assigned (functools.update_wrapper copies them); 0 = the default. */
  module?: number;
  doc?: number;
}

/**
 * The code of a function object the simulator runs in JavaScript rather than compiling: a
 * standard-library function's inner function (lru_cache's decorating_function and its
 * cache_parameters lambda) whose object must exist with its real size, or a pure-Python library
 * function modelled in TypeScript (heapq.nlargest). `run` is called with borrowed arguments; the
 * interpreters hand such a function to its vectorcall (isNativeFunction). A model that releases
 * its arguments as a Python frame does (in slot order, when the frame is cleared: a temporary
 * argument dies inside the call) also has `owned`, which takes the caller's references to the
 * arguments and keyword values (the function object stays the caller's); an interpreter whose
 * arguments are its own references calls that instead of releasing them after the call.
 */
export class NativeCode {
  readonly run: (vm: Vm, fn: number, args: readonly number[], kw: Kwargs | null) => number;
  constructor(
    run: ((vm: Vm, fn: number, args: readonly number[], kw: Kwargs | null) => number) | null,
    readonly owned: ((vm: Vm, fn: number, args: number[], kw: Kwargs | null) => number) | null = null,
  ) {
    this.run =
      run ??
      ((vm, fn, args, kw) => {
        for (const a of args) vm.incref(a);
        if (kw) for (const v of kw.values()) vm.incref(v);
        return owned!(vm, fn, [...args], kw && new Map(kw));
      });
  }
}

/** The NativeCode `owned` entry of `fn`, or null (a compiled function, or arguments borrowed). */
export const nativeOwnedCall = (vm: Vm, fn: number): NativeCode['owned'] => {
  if (vm.table.type[fn] !== T.Function) return null;
  const code = functionData(vm, fn).code;
  return code instanceof NativeCode ? code.owned : null;
};

/** A module-level function object of the start-up or an import footprint (its memory is theirs). */
export function functionStatic(vm: Vm, code: NativeCode, name: string, qualname = name): number {
  const h = vm.newStatic(T.Function);
  vm.table.side[h] = {
    code,
    name,
    qualname,
    defaults: 0,
    closure: 0,
    dict: 0,
    kwdefaults: 0,
    annotations: 0,
    globals: 0,
  } satisfies FunctionData;
  return h;
}

/** Is `fn` a function object with NativeCode (not the interpreter's to run)? */
export const isNativeFunction = (vm: Vm, fn: number): boolean =>
  vm.table.type[fn] === T.Function && functionData(vm, fn).code instanceof NativeCode;

/** MAKE_FUNCTION: PyFunction_New, a tracked GC object; `defaults` and `closure` are stolen. */
export function functionNew(
  vm: Vm,
  code: unknown,
  name: string,
  defaults: number,
  closure: number,
  qualname = name,
): number {
  const h = vm.newGcObject(T.Function, vm.py.sizes.function);
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
  if (f.module) visit(f.module);
  if (f.doc) visit(f.doc);
  if (f.ownsGlobals && f.globals) visit(f.globals);
}

function functionClear(vm: Vm, h: number): void {
  const f = functionData(vm, h);
  // func_clear's order: module, defaults, kwdefaults, doc, dict, closure, annotations
  const { module = 0, defaults, kwdefaults, doc = 0, dict, closure, annotations } = f;
  // Py_CLEAR(op->func_globals) first, when the function holds it
  if (f.ownsGlobals) {
    const g = f.globals;
    f.ownsGlobals = false;
    f.globals = 0;
    vm.xdecref(g);
  }
  f.module = 0;
  f.defaults = 0;
  f.kwdefaults = 0;
  f.doc = 0;
  f.dict = 0;
  f.closure = 0;
  f.annotations = 0;
  vm.xdecref(module);
  vm.xdecref(defaults);
  vm.xdecref(kwdefaults);
  vm.xdecref(doc);
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
    dealloc: functionDealloc,
    traverse: functionTraverse,
    clear: functionClear,
    repr: (vm, h) => unicodeFromFormat(vm, '<function %U at %p>', [functionData(vm, h).qualname, vm.id(h)]),
    reprText: (vm, h) => `<function ${functionData(vm, h).qualname} at 0x${vm.id(h).toString(16)}>`,
    // _PyFunction_Vectorcall: the interpreter runs the body (the frame takes its own references)
    vectorcall: (vm, fn, args, kw) => {
      const code = functionData(vm, fn).code;
      return code instanceof NativeCode ? code.run(vm, fn, args, kw) : vm.eval.callFunction(fn, args, kw);
    },
    // func_descr_get: looked up on an instance, a function becomes a bound method
    descrGet: (vm, fn, obj) => {
      if (obj === 0 || obj === vm.s.None) {
        vm.incref(fn);
        return fn;
      }
      return methodNew(vm, fn, obj);
    },
    // func_dict: attributes set on a function go to its __dict__ (PyObject_GenericSetAttr)
    dictoffset: 136,
    getset: {
      __name__: {
        name: '__name__',
        get: (vm, h) => intern(vm, functionData(vm, h).name),
        set: (vm, h, v) => (functionData(vm, h).name = strAttr(vm, v, '__name__')),
      },
      __module__: {
        name: '__module__',
        get: (vm, h) => ownedOr(vm, functionData(vm, h).module, () => intern(vm, '__main__')),
        set: (vm, h, v) => replaceField(vm, functionData(vm, h), 'module', v),
      },
      __doc__: {
        name: '__doc__',
        get: (vm, h) => {
          const f = functionData(vm, h);
          return ownedOr(vm, f.doc, () => ownedOr(vm, codeDocstring(vm, f), () => vm.s.None));
        },
        set: (vm, h, v) => replaceField(vm, functionData(vm, h), 'doc', v),
      },
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
            for (let i = 0; i + 1 < vm.table.n[t]; i += 2)
              dictSetItem(vm, d, tupleItem(vm, t, i), tupleItem(vm, t, i + 1));
            f.annotations = d;
            vm.decref(t);
          }
          vm.incref(f.annotations);
          return f.annotations;
        },
        // func_set_annotations: a dict or None
        set: (vm, h, v) => {
          if (v !== 0 && v !== vm.s.None && !vm.typeOf(v).mro.includes(T.Dict))
            throw typeError(vm, '__annotations__ must be set to a dict object');
          replaceField(vm, functionData(vm, h), 'annotations', v === vm.s.None ? 0 : v);
        },
      },
      __qualname__: {
        name: '__qualname__',
        get: (vm, h) => intern(vm, functionData(vm, h).qualname),
        set: (vm, h, v) => (functionData(vm, h).qualname = strAttr(vm, v, '__qualname__')),
      },
      __dict__: {
        name: '__dict__',
        get: (vm, h) => {
          const f = functionData(vm, h);
          if (!f.dict) f.dict = dictNew(vm);
          vm.incref(f.dict);
          return f.dict;
        },
      },
      __defaults__: {
        name: '__defaults__',
        get: (vm, h) => {
          const d = functionData(vm, h).defaults || vm.s.None;
          vm.incref(d);
          return d;
        },
        // func_set_defaults: a tuple or None (namedtuple's generated __new__ gets its defaults so)
        set: (vm, h, v) => {
          if (v !== 0 && v !== vm.s.None && vm.table.type[v] !== T.Tuple)
            throw typeError(vm, '__defaults__ must be set to a tuple object');
          replaceDefaults(vm, functionData(vm, h), 'defaults', v === vm.s.None ? 0 : v);
        },
      },
      // func_memberlist's __globals__ (READONLY): the dict the code reads its globals from; 0 in the
      // function's data is the script's module dict, which the interpreter holds
      __globals__: {
        name: '__globals__',
        get: (vm, h) => {
          const g =
            functionData(vm, h).globals || ((vm.eval as unknown as { globals?: number }).globals ?? 0);
          if (g === 0) throw new NotSupported('function.__globals__ outside a running script');
          vm.incref(g);
          return g;
        },
      },
      // func_memberlist's __closure__ (READONLY): the tuple of cells MAKE_FUNCTION stored, or None
      __closure__: {
        name: '__closure__',
        get: (vm, h) => {
          const c = functionData(vm, h).closure || vm.s.None;
          vm.incref(c);
          return c;
        },
      },
      // func_get_kwdefaults: the keyword-only defaults dict, or None
      __kwdefaults__: {
        name: '__kwdefaults__',
        get: (vm, h) => {
          const d = functionData(vm, h).kwdefaults || vm.s.None;
          vm.incref(d);
          return d;
        },
        set: (vm, h, v) => {
          if (v !== 0 && v !== vm.s.None && vm.table.type[v] !== T.Dict)
            throw typeError(vm, '__kwdefaults__ must be set to a dict object');
          replaceDefaults(vm, functionData(vm, h), 'kwdefaults', v === vm.s.None ? 0 : v);
        },
      },
      // func_get_code: the code object (static here: made with the module's constants)
      __code__: {
        name: '__code__',
        get: (vm, h) => {
          const code = functionData(vm, h).code as { handle?: number } | null;
          const c = code?.handle ?? 0;
          if (!c) throw new NotSupported('the __code__ of a built-in library function');
          vm.incref(c);
          return c;
        },
      },
    },
  });

/** func_set_name / func_set_qualname: a str, never deleted. */
function strAttr(vm: Vm, v: number, what: string): string {
  if (v === 0 || !vm.typeOf(v).mro.includes(T.Str))
    throw typeError(vm, '%s must be set to a string object', what);
  return strValue(vm, v);
}

/**
 * PyFunction_NewWithQualName: func_doc is co_consts[0] when that is a str (the compiler puts the
 * docstring, or None, first in a function's constants; a lambda's first is None). The code holds
 * the str, so reading it here rather than at creation costs no allocation either way. 0 = none.
 */
function codeDocstring(vm: Vm, f: FunctionData): number {
  const consts = (f.code as { consts?: Int32Array } | null)?.consts;
  const first = consts && consts.length > 0 ? consts[0] : 0;
  return first && vm.table.type[first] === T.Str ? first : 0;
}

/** A stored attribute (new reference), or the default. */
function ownedOr(vm: Vm, v: number | undefined, dflt: () => number): number {
  if (!v) return dflt();
  vm.incref(v);
  return v;
}

function replaceField(vm: Vm, f: FunctionData, k: 'module' | 'doc' | 'annotations', v: number): void {
  const old = f[k] ?? 0;
  if (v) vm.incref(v);
  f[k] = v;
  if (old) vm.decref(old);
}

function replaceDefaults(vm: Vm, f: FunctionData, k: 'defaults' | 'kwdefaults', v: number): void {
  const old = f[k];
  if (v) vm.incref(v);
  f[k] = v;
  if (old) vm.decref(old);
}

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
    getset: {
      // cell_get_contents / cell_set_contents
      cell_contents: {
        name: 'cell_contents',
        get: (vm, h) => {
          const v = vm.table.ref[h];
          if (!v) throw valueError(vm, 'Cell is empty');
          vm.incref(v);
          return v;
        },
        set: (vm, h, v) => {
          const old = vm.table.ref[h];
          if (v) vm.incref(v);
          vm.table.ref[h] = v;
          vm.xdecref(old);
        },
      },
    },
  });
