import { NotSupported, PyError, attributeError } from '../errors';
import { dictSizeof } from '../objects/dict';
import { boundBuiltinNew } from '../objects/func';
import { fromLong, intValue, ndigits, fromSsize } from '../objects/int';
import { setSizeof } from '../objects/set';
import { strBytes, strValue, type StrKind } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { T } from '../objects/types';
import type { BuiltinImpl } from './call';
import type { Interp } from './interp';
import { typeName } from './repr';

/**
 * The modules a script may import: gc, sys and ctypes are already loaded in the recorder's
 * process (importing them allocates nothing: IMPORT_NAME finds them in sys.modules); numpy comes
 * from a provider the NumPy layer registers (Interp.moduleProviders).
 */
const MODULE_FUNCTIONS: Record<string, string[]> = {
  gc: ['collect', 'disable', 'enable', 'isenabled', 'get_count'],
  sys: ['getsizeof'],
  ctypes: ['CDLL'],
};

export function installModules(it: Interp): void {
  const vm = it.vm;
  for (const [mod, names] of Object.entries(MODULE_FUNCTIONS)) {
    const m = vm.newStatic(T.Module);
    vm.table.side[m] = mod;
    it.modules.set(mod, m);
    for (const n of names) {
      const f = vm.newStatic(T.Builtin);
      vm.table.side[f] = `${mod}.${n}`;
      it.moduleAttrs.set(`${mod}.${n}`, f);
    }
  }
  const impls: Record<string, BuiltinImpl> = {
    'gc.collect': (it2, a) => fromSsize(it2.vm, a.length && Number(intValue(it2.vm, a[0])) < 2 ? it2.vm.gc.collectGeneration(Number(intValue(it2.vm, a[0]))) : it2.vm.gc.collectFull()),
    'gc.disable': (it2) => ((it2.vm.gc.enabled = false), it2.vm.s.None),
    'gc.enable': (it2) => ((it2.vm.gc.enabled = true), it2.vm.s.None),
    'gc.isenabled': (it2) => it2.vm.s.bool(it2.vm.gc.enabled),
    'gc.get_count': (it2) => tupleFromItems(it2.vm, it2.vm.gc.count.map((c) => fromLong(it2.vm, c))),
    'sys.getsizeof': getsizeof,
    'ctypes.CDLL': cdll,
    'ctypes:call': cfuncCall,
  };
  for (const [k, v] of Object.entries(impls)) it.builtinImpls.set(k, v);
}

/** IMPORT_NAME: the module object (a new reference). */
export function importModule(it: Interp, name: string): number {
  const m = it.modules.get(name);
  if (m !== undefined) return m;
  const provider = it.moduleProviders.get(name);
  if (provider) {
    const h = provider(it);
    it.modules.set(name, h);
    return h;
  }
  if (name === 'numpy') throw new NotSupported('numpy (the NumPy layer is not built yet)', it.line);
  throw new NotSupported(`import ${name}`, it.line);
}

/**
 * sys.getsizeof (METH_VARARGS: a 1-tuple of arguments): __sizeof__ is looked up as a bound method
 * (a PyCFunction, freed again), its int result converted, then the GC head added in a new int.
 */
const getsizeof: BuiltinImpl = (it, args) => {
  const vm = it.vm;
  if (args.length !== 1) throw new NotSupported('sys.getsizeof with a default');
  vm.incref(args[0]);
  const argTuple = tupleFromItems(vm, [args[0]]);
  const obj = args[0];
  const size = sizeofObject(it, obj);
  const gcHead = vm.isGcType(vm.table.type[obj]) ? 16 : 0;
  const meth = boundBuiltinNew(vm, obj, '__sizeof__');
  const inner = fromSsize(vm, size - gcHead);
  vm.decref(meth);
  vm.decref(inner);
  const r = fromSsize(vm, size);
  vm.decref(argTuple);
  return r;
};

/** __sizeof__ + the GC head, for the built-in types. */
export function sizeofObject(it: Interp, h: number): number {
  const vm = it.vm;
  const t = vm.table;
  switch (t.type[h]) {
    case T.Int:
    case T.Bool:
      return 24 + 4 * Math.max(1, ndigits(intValue(vm, h)));
    case T.Float:
      return 24;
    case T.Str:
      return strBytes(t.n[h], t.cap[h] as StrKind);
    case T.Bytes:
      return 33 + t.n[h];
    case T.ByteArray:
      return 56 + t.cap[h];
    case T.List:
      return 16 + 40 + 8 * t.cap[h];
    case T.Tuple:
      return 16 + 24 + 8 * t.n[h];
    case T.Dict:
      return dictSizeof(vm, h);
    case T.Set:
    case T.FrozenSet:
      return setSizeof(vm, h);
    case T.None:
    case T.Object:
      return 16;
    case T.Range:
      return 48;
    case T.Function:
      return 152;
    default: {
      const ext = vm.extensions[t.type[h]];
      if (ext?.sizeof) return ext.sizeof(h);
      throw new NotSupported(`sys.getsizeof of a ${typeName(vm, h)}`);
    }
  }
}

/**
 * ctypes.CDLL("libc.so.6") and its `.malloc_trim`: ctypes builds a new _FuncPtr class per CDLL,
 * and the instance, its dict and the cached function pointer form a reference cycle, so all of it
 * stays until a full collection. Measured (3.11.7, hooked allocators): these blocks remain, 15
 * of them GC objects; 960 and 768 bytes go to glibc.
 */
const CDLL_BLOCKS = [960, 768, 272, 264, 208, 208, 200, 120, 120, 80, 72, 64, 64, 64, 64, 64, 56, 56, 56, 56, 48, 48, 32, 32, 4];
const CDLL_GC_OBJECTS = 15;

const cdll: BuiltinImpl = (it, args) => {
  const vm = it.vm;
  const name = args.length && vm.table.type[args[0]] === T.Str ? strValue(vm, args[0]) : null;
  if (name !== 'libc.so.6') throw new NotSupported(`ctypes.CDLL(${name === null ? '...' : `'${name}'`}) (only "libc.so.6" is modelled)`);
  const h = vm.newGcObject(T.CDLL, 48); // the instance: GC head + managed-dict pre-header + object
  const blocks: number[] = [];
  for (const size of CDLL_BLOCKS) {
    const p = vm.mem.malloc(size);
    if (p === 0) throw new PyError('MemoryError', '');
    vm.mem.touch(p, size);
    blocks.push(p);
  }
  for (let i = 1; i < CDLL_GC_OBJECTS; i++) vm.gc.linked();
  vm.table.side[h] = { blocks, funcs: new Map<string, number>() };
  vm.table.ref[h] = h; // the cycle: instance → __dict__ → _FuncPtr → instance
  vm.incref(h);
  vm.gc.track(h);
  return h;
};

/** `libc.malloc_trim(pad)` through a ctypes function pointer. */
const cfuncCall: BuiltinImpl = (it, args) => {
  const vm = it.vm;
  const [fn, ...rest] = args;
  const name = (vm.table.side[fn] as { name: string }).name;
  if (name !== 'malloc_trim') throw new NotSupported(`calling libc.${name} through ctypes`);
  if (rest.length !== 1 || (vm.table.type[rest[0]] !== T.Int && vm.table.type[rest[0]] !== T.Bool))
    throw new PyError('ctypes.ArgumentError', 'malloc_trim takes one integer argument');
  return fromLong(vm, it.mallocTrim(Number(intValue(vm, rest[0]))));
};

/** Attribute of a module (gc.collect …) or of a CDLL instance (a cached function pointer). */
export function moduleAttr(it: Interp, mod: number, name: string): number {
  const vm = it.vm;
  if (vm.table.type[mod] === T.CDLL) {
    const st = vm.table.side[mod] as { funcs: Map<string, number> };
    let f = st.funcs.get(name);
    if (f === undefined) {
      f = vm.newStatic(T.CFunc);
      vm.table.side[f] = { name };
      st.funcs.set(name, f);
    }
    return f;
  }
  const ext = vm.extensions[vm.table.type[mod]];
  if (ext?.getattr) return ext.getattr(mod, name);
  const modName = vm.table.side[mod] as string;
  const f = it.moduleAttrs.get(`${modName}.${name}`);
  if (f !== undefined) return f;
  if (MODULE_FUNCTIONS[modName]) throw new NotSupported(`${modName}.${name}`, it.line);
  throw attributeError('module', name);
}

/** The CDLL bundle's deallocation (tp_dealloc after the cycle is cleared). */
export function cdllDealloc(it: Interp, h: number): void {
  const vm = it.vm;
  vm.gc.untrack(h);
  const st = vm.table.side[h] as { blocks: number[] };
  for (const p of st.blocks) vm.mem.free(p);
  for (let i = 1; i < CDLL_GC_OBJECTS; i++) vm.gc.deleted();
  vm.gcDel(h);
}
