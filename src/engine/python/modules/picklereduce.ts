import { getAttr, lookupAttr, setAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { clearError, normalize, raiseFormat } from '../abstract/errors';
import { NotSupported } from '../errors';
import { E } from '../objects/exctypes';
import { dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { heapInstanceState, instanceDict } from '../objects/instance';
import { interpOf } from './host';
import { listAppend, listNew, listPut, listSliceItems } from '../objects/list';
import { BYTES_HEADER } from '../objects/bytes';
import { intern, strNew, strValue } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { T, TpFlags, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { gcAllocRaw, gcFreeRaw, OP } from './pickleops';
import { saveInstanceBelow2 } from './picklereconstruct';

/**
 * Pickling what the C pickler reduces (Modules/_pickle.c save() → save_reduce, 3.11): a class
 * saved by reference (save_global: module and qualified name, STACK_GLOBAL), and an instance of a
 * class through object.__reduce_ex__(proto) → reduce_newobj: (copyreg.__newobj__, (cls,), state,
 * None, None), saved as cls, (), NEWOBJ, the state, BUILD. The state is the instance's __dict__
 * (PyObject_GenericGetDict makes the dict from the inline values, and the instance keeps it: a
 * pickled instance is 64 bytes bigger after), with __slots__ (dict or None, {slot: value}), or
 * what a Python __getstate__ returns. The allocations are 3.11.7's, measured
 * (testdata/pickle2): the bound methods __reduce_ex__, __reduce__ and __getstate__ (72 bytes
 * each), the (cls,) and 5-item tuples, save_global's dotted path (PyUnicode_Split: a list of 12
 * calloc'd slots) and PyImport_Import (a from-list, and for __main__, whose __spec__ is None, the
 * AttributeError import_ensure_initialized raises and clears), the extension-registry key.
 */

/** What save_reduce needs of the pickler. */
export interface PicklerCore {
  readonly proto: number;
  save(obj: number): void;
  write(bytes: ArrayLike<number>): void;
  memoPut(obj: number): void;
  /** memo_get of `obj` when it is memoized (true). */
  memoGet(obj: number): boolean;
}

const CUSTOM_REDUCE = ['__reduce_ex__', '__reduce__', '__getnewargs__', '__getnewargs_ex__'];

/** A bound builtin method (PyCFunctionObject, GC: 56 + 16), made and released around a call. */
const boundMethod = (vm: Vm): number => gcAllocRaw(vm, 56);

/** Is a class's own (Python) attribute `name` set somewhere below object in its MRO? */
function ownAttr(vm: Vm, tp: TypeSlots, name: string): boolean {
  for (const id of tp.mro) {
    const t = vm.types[id];
    if (!(t.flags & TpFlags.HeapType)) return false;
    if (t.dict && dictGetItem(vm, t.dict, intern(vm, name)) !== 0) return true;
  }
  return false;
}

/** Can the pickler reduce this object the way object.__reduce_ex__ does (a class of its own)? */
export function reducible(vm: Vm, obj: number): boolean {
  const tp = vm.typeOf(obj);
  if (!(tp.flags & TpFlags.HeapType)) return false;
  // the nearest built-in base must be object (a list or dict subclass also reduces its items)
  const builtin = tp.mro.find((id) => !(vm.types[id].flags & TpFlags.HeapType));
  return builtin === T.Object;
}

/** PyImport_Import(module): the from-list, and __main__'s AttributeError made and cleared. */
export function importModule(vm: Vm, module: string): void {
  const fromList = listNew(vm, 0);
  if (module === '__main__') {
    // import_ensure_initialized: __spec__ is None, _PyModuleSpec_IsInitializing's getattr fails
    // (PyObject_GetAttr's set_attribute_error_context normalizes it: the instance is made too)
    const err = raiseFormat(
      vm,
      E.AttributeError,
      "'%.50s' object has no attribute '%U'",
      'NoneType',
      '_initializing',
    );
    normalize(vm, err);
    clearError(vm, err);
  }
  vm.decref(fromList);
}

/**
 * get_dotted_path: PyUnicode_Split(name, '.') (a list of 12 calloc'd slots), checked for
 * '<locals>'; `release` is when the caller lets go of the list (Py_CLEAR(dotted_path)).
 */
export function dottedPath(vm: Vm, qualname: number, release: () => void = () => {}): string[] {
  const parts = strValue(vm, qualname).split('.');
  const l = listNew(vm, 12);
  vm.incref(qualname);
  listPut(vm, l, 0, qualname);
  vm.table.n[l] = 1;
  try {
    // get_dotted_path: a '<locals>' part is an AttributeError (3.13 words it "Can't get")
    if (parts.includes('<locals>'))
      throw raiseFormat(
        vm,
        E.AttributeError,
        vm.py.name === '3.13' ? "Can't get local object %R" : "Can't pickle local object %R",
        qualname,
      );
    release();
  } finally {
    vm.decref(l);
  }
  return parts;
}

/** The str a class keeps under `name` in its own __dict__ (its __module__ / __qualname__). */
function classStr(vm: Vm, tp: TypeSlots, name: string, fallback: string): number {
  const v = tp.dict ? dictGetItem(vm, tp.dict, intern(vm, name)) : 0;
  return v !== 0 && vm.table.type[v] === T.Str ? v : intern(vm, fallback);
}

/** save_global: module and qualified name as strs, STACK_GLOBAL, the class memoized. */
export function saveGlobal(p: PicklerCore, vm: Vm, cls: number): void {
  const tp = vm.slotsOf(cls)!;
  // type_new moves __qualname__ out of the dict into ht_qualname (a local class: 'f.<locals>.C')
  const qualname = classStr(vm, tp, '__qualname__', tp.qualname);
  const module = classStr(vm, tp, '__module__', 'builtins');
  // whichmodule, PyImport_Import and the lookup happen while the dotted path is held
  const path = dottedPath(vm, qualname, () => importModule(vm, strValue(vm, module)));
  if (path.length > 1) throw new NotSupported(`pickling a nested class (${strValue(vm, qualname)})`);
  writeGlobal(p, vm, cls, module, qualname);
}

/**
 * save_global for a Python function: pickled by reference, like a class (its __qualname__ and
 * __module__ read from the function). The module's attribute must be this very function: a lambda
 * (`<lambda>` is no attribute) or a name rebound since raises PicklingError as the real pickler does.
 */
export function saveFunction(p: PicklerCore, vm: Vm, fn: number, pickling: number | undefined): void {
  const qualname = getAttr(vm, fn, '__qualname__');
  const module = getAttr(vm, fn, '__module__');
  try {
    const modName = vm.table.type[module] === T.Str ? strValue(vm, module) : '__main__';
    const path = dottedPath(vm, qualname, () => importModule(vm, modName));
    if (modName !== '__main__' || path.length > 1)
      throw new NotSupported(`pickling the function ${modName}.${strValue(vm, qualname)} (functions of the script only)`);
    const found = dictGetItem(vm, interpOf(vm).globals, intern(vm, path[0]));
    if (found !== fn) {
      if (pickling === undefined) throw new NotSupported('PicklingError without the _pickle module');
      const repr = `<function ${strValue(vm, qualname)} at 0x${vm.id(fn).toString(16)}>`;
      const name = strValue(vm, qualname);
      throw found === 0
        ? raiseFormat(vm, vm.slotsOf(pickling).id, "Can't pickle %s: attribute lookup %U on %U failed", repr, name, modName)
        : raiseFormat(vm, vm.slotsOf(pickling).id, "Can't pickle %s: it's not the same object as %U.%U", repr, modName, name);
    }
    writeGlobal(p, vm, fn, module, qualname);
  } finally {
    vm.decref(qualname);
    vm.decref(module);
  }
}

function writeGlobal(p: PicklerCore, vm: Vm, obj: number, module: number, qualname: number): void {
  // the extension registry's key: PyTuple_Pack(2, module_name, lastname), looked up, released
  vm.incref(module);
  vm.incref(qualname);
  vm.decref(tupleFromItems(vm, [module, qualname]));
  if (p.proto < 4) saveGlobalOpcode(p, vm, module, qualname);
  else {
    p.save(module);
    p.save(qualname);
    p.write([OP.STACK_GLOBAL]);
  }
  p.memoPut(obj);
}

/**
 * save_global's GLOBAL below protocol 4: 'c', the module and the name as bytes, each followed by a
 * newline. Protocols 0-2 first try the 3-to-2 name mapping (fix_imports: a (module, name) key tuple
 * made, looked up in _compat_pickle's REVERSE_NAME_MAPPING and dropped; a script's or a stdlib
 * class's module is not renamed) and encode as ASCII; protocol 3 encodes as UTF-8. Each encoded
 * bytes object is made, written and released.
 */
function saveGlobalOpcode(p: PicklerCore, vm: Vm, module: number, qualname: number): void {
  const mod = strValue(vm, module);
  if (RENAMED_BELOW_3.has(mod)) throw new NotSupported(`pickling a class of ${mod} below protocol 3 (fix_imports)`);
  const name = strValue(vm, qualname);
  if (p.proto < 3) {
    vm.incref(module);
    vm.incref(qualname);
    vm.decref(tupleFromItems(vm, [module, qualname]));
    // PyUnicode_AsASCIIString: a non-ASCII name raises UnicodeEncodeError in the real pickler
    if ([...mod + name].some((ch) => ch.charCodeAt(0) > 0x7f)) throw new NotSupported('pickling a class with a non-ASCII name below protocol 3');
  }
  p.write([OP.GLOBAL]);
  for (const text of [mod, name]) {
    const utf8 = new TextEncoder().encode(text);
    const encoded = vm.mem.malloc(BYTES_HEADER + utf8.length);
    p.write([...utf8, 0x0a]);
    vm.mem.free(encoded);
  }
}

/** Modules whose classes fix_imports renames for Python 2 (builtins → __builtin__, copyreg → copy_reg, …). */
const RENAMED_BELOW_3 = new Set(['builtins', 'copyreg', 'queue', 'socketserver', 'configparser', 'reprlib', 'collections', 'pickle', 'io', 'subprocess', 'tkinter']);

/**
 * _PyType_GetSlotNames: the class's cached __slotnames__, else copyreg._slotnames(cls) run once
 * per class: cls.__dict__ read (a mappingproxy made and dropped), `hasattr(cls, '__slots__')`
 * (for a class without slots the AttributeError's message is made and dropped), the names of
 * every class's __slots__ along the MRO (private ones mangled, __dict__ and __weakref__ left
 * out) appended to a new list, cached with `cls.__slotnames__ = names`.
 */
function slotNames(vm: Vm, tp: TypeSlots): string[] {
  const key = intern(vm, '__slotnames__');
  const cached = tp.dict ? dictGetItem(vm, tp.dict, key) : 0;
  const read = (l: number): string[] =>
    vm.table.type[l] === T.List
      ? Array.from(listSliceItems(vm, l, 0, vm.table.n[l]), (h) => strValue(vm, h))
      : [];
  if (cached !== 0) return read(cached);
  gcFreeRaw(vm, gcAllocRaw(vm, 24)); // cls.__dict__: a mappingproxy
  const names = listNew(vm, 0);
  try {
    const slots = lookupAttr(vm, tp.typeObject, '__slots__');
    if (slots !== 0) {
      vm.decref(slots);
      for (const id of tp.mro) {
        const c = vm.types[id];
        const own = c.dict ? dictGetItem(vm, c.dict, intern(vm, '__slots__')) : 0;
        if (own === 0) continue;
        const list =
          vm.table.type[own] === T.Str
            ? [own]
            : vm.table.type[own] === T.Tuple || vm.table.type[own] === T.List
              ? Array.from(
                  vm.table.type[own] === T.Tuple
                    ? tupleItems(vm, own)
                    : listSliceItems(vm, own, 0, vm.table.n[own]),
                )
              : [];
        for (const h of list) {
          const name = strValue(vm, h);
          if (name === '__dict__' || name === '__weakref__') continue;
          const stripped = c.name.replace(/^_+/, '');
          if (name.startsWith('__') && !name.endsWith('__') && stripped)
            listAppend(vm, names, strNew(vm, `_${stripped}${name}`));
          else {
            vm.incref(h);
            listAppend(vm, names, h);
          }
        }
      }
    }
    setAttr(vm, tp.typeObject, '__slotnames__', names);
    return read(names);
  } finally {
    vm.decref(names);
  }
}

/**
 * object_getstate: a Python __getstate__ called (its bound method made), else the default: the
 * __dict__ (None when empty) and, with __slots__, (dict or None, {name: value}).
 */
export function getState(vm: Vm, obj: number, tp: TypeSlots): number {
  if (ownAttr(vm, tp, '__getstate__')) {
    const f = getAttr(vm, obj, '__getstate__');
    try {
      return call(vm, f, [], null);
    } finally {
      vm.decref(f);
    }
  }
  const bound = boundMethod(vm);
  try {
    let state = vm.s.None;
    if (tp.dictoffset !== 0) {
      const d = instanceDict(vm, obj); // PyObject_GenericGetDict: made from the values when needed
      if (vm.table.n[d] > 0) state = d;
    }
    vm.incref(state);
    slotNames(vm, tp);
    const st = heapInstanceState(vm, obj);
    const members = (tp.extra as { members?: string[] } | undefined)?.members ?? [];
    if (!st?.members || members.length === 0) return state;
    const slots = dictNew(vm);
    members.forEach((name, i) => {
      const v = st.members![i];
      if (v !== 0) dictSetItem(vm, slots, intern(vm, name), v);
    });
    if (vm.table.n[slots] === 0) {
      vm.decref(slots);
      return state;
    }
    return tupleFromItems(vm, [state, slots]);
  } finally {
    gcFreeRaw(vm, bound);
  }
}

/** save() for an instance: __reduce_ex__(proto), then save_reduce of its 5 items. */
export function saveInstance(p: PicklerCore, vm: Vm, obj: number): void {
  const tp = vm.typeOf(obj);
  for (const name of CUSTOM_REDUCE)
    if (ownAttr(vm, tp, name)) throw new NotSupported(`pickling a ${tp.name} through its own ${name}`);
  // below protocol 2 object.__reduce_ex__ goes through copyreg._reduce_ex (_reconstructor)
  if (p.proto < 2)
    return saveInstanceBelow2(p, vm, obj, tp, ownAttr(vm, tp, '__getstate__'), () => getState(vm, obj, tp));
  const reduceEx = boundMethod(vm);
  let reduceValue = 0;
  try {
    // object___reduce_ex__: __reduce__ looked up (bound, not overridden, released), reduce_newobj
    gcFreeRaw(vm, boundMethod(vm));
    vm.incref(tp.typeObject);
    const newargs = tupleFromItems(vm, [tp.typeObject]);
    let state: number;
    try {
      state = getState(vm, obj, tp);
    } catch (e) {
      vm.decref(newargs);
      throw e;
    }
    const none = vm.s.None;
    vm.incref(none);
    vm.incref(none);
    vm.incref(none); // copyreg.__newobj__ stands in the first slot (a function the run does not hold)
    reduceValue = tupleFromItems(vm, [none, newargs, state, none, none]);
    // save_reduce, NEWOBJ: the class, the empty argument tuple, NEWOBJ, the object memoized
    p.save(tp.typeObject);
    p.write([OP.EMPTY_TUPLE, OP.NEWOBJ]);
    p.memoPut(obj);
    if (state !== vm.s.None) {
      p.save(state);
      p.write([OP.BUILD]);
    }
  } finally {
    if (reduceValue) vm.decref(reduceValue);
    gcFreeRaw(vm, reduceEx);
  }
}
