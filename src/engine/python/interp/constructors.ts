import { NotSupported, PyError, typeError, valueError } from '../errors';
import { bytearrayNew, bytearrayResize, byteString, bytesContent, bytesNew } from '../objects/bytes';
import { DICT_BASIC, dictSetItem } from '../objects/dict';
import { dictMerge } from '../objects/dictmerge';
import { fromDouble } from '../objects/float';
import { fromLong, intValue, longNew, ndigits, norm } from '../objects/int';
import { LIST_BASIC, listItem } from '../objects/list';
import { setAdd, setNew } from '../objects/set';
import { strValue } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { T } from '../objects/types';
import { strOf } from './builtins';
import type { BuiltinImpl } from './call';
import type { Interp } from './interp';
import { getIter, iterNext, listExtendIterable } from './iterate';
import { truthy } from './ops';
import { typeName } from './repr';
import { unpack } from './unpack';

/** The built-in types called as constructors (their tp_vectorcall or tp_new + tp_init). */
export function installConstructors(it: Interp): void {
  const vm = it.vm;
  const types: Record<string, BuiltinImpl> = {
    int: intCtor,
    float: floatCtor,
    bool: (it2, a) => it2.vm.s.bool(a.length ? truthy(it2.vm, a[0]) : false),
    str: (it2, a) => (a.length ? strOf(it2, a[0]) : it2.vm.s.emptyStr),
    list: listCtor,
    tuple: tupleCtor,
    dict: dictCtor,
    set: (it2, a) => setCtor(it2, a, false),
    frozenset: (it2, a) => setCtor(it2, a, true),
    bytes: bytesCtor,
    bytearray: bytearrayCtor,
    object: (it2, a) => {
      if (a.length) throw typeError('object() takes no arguments');
      return it2.vm.newObject(T.Object, 16); // PyType_GenericAlloc(object): 16 bytes, zeroed
    },
  };
  for (const [name, impl] of Object.entries(types)) {
    const h = vm.newStatic(T.Type);
    vm.table.side[h] = name;
    it.builtins.set(name, h);
    it.builtinImpls.set(name, impl);
  }
}

/** long_new_impl: an int is returned as is; a float via PyLong_FromDouble; a str parsed. */
const intCtor: BuiltinImpl = (it, args) => {
  const vm = it.vm;
  if (args.length === 0) return vm.s.smallInt(0);
  if (args.length > 1) throw new NotSupported('int() with a base');
  const a = args[0];
  switch (vm.table.type[a]) {
    case T.Int:
      vm.incref(a);
      return a;
    case T.Bool:
      return vm.s.smallInt(vm.table.num[a]);
    case T.Float: {
      const d = vm.table.num[a];
      if (!Number.isFinite(d)) throw new PyError(Number.isNaN(d) ? 'ValueError' : 'OverflowError', Number.isNaN(d) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
      const v = BigInt(Math.trunc(d));
      return Math.abs(d) < 2 ** 63 ? fromLong(vm, norm(v)) : longNew(vm, norm(v), ndigits(v));
    }
    case T.Str: {
      const s = strValue(vm, a).trim().replace(/_/g, '');
      if (!/^[+-]?\d+$/.test(s)) throw valueError(`invalid literal for int() with base 10: ${JSON.stringify(strValue(vm, a)).replace(/"/g, "'")}`);
      const v = BigInt(s);
      if (v >= -5n && v <= 256n) return vm.s.smallInt(Number(v));
      // PyLong_FromString: digits × log(10)/log(2**30) + 1 digits, normalized in place
      const digits = s.replace(/^[+-]/, '').length;
      return longNew(vm, norm(v), Math.floor((digits * Math.log(10)) / Math.log(2 ** 30)) + 1);
    }
    default:
      throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeName(vm, a)}'`);
  }
};

/** float_new_impl: a float as is, an int through PyLong_AsDouble, a str parsed. */
const floatCtor: BuiltinImpl = (it, args) => {
  const vm = it.vm;
  if (args.length === 0) return fromDouble(vm, 0);
  const a = args[0];
  switch (vm.table.type[a]) {
    case T.Float:
      vm.incref(a);
      return a;
    case T.Int:
    case T.Bool: {
      const f = Number(intValue(vm, a));
      if (!Number.isFinite(f)) throw new PyError('OverflowError', 'int too large to convert to float');
      return fromDouble(vm, f);
    }
    case T.Str: {
      const s = strValue(vm, a).trim().toLowerCase();
      const f = s === 'inf' || s === '+inf' ? Infinity : s === '-inf' ? -Infinity : s === 'nan' ? NaN : /^[+-]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(e[+-]?\d+)?$/.test(s) ? Number(s.replace(/_/g, '')) : undefined;
      if (f === undefined) throw valueError(`could not convert string to float: '${strValue(vm, a)}'`);
      return fromDouble(vm, f);
    }
    default:
      throw typeError(`float() argument must be a string or a real number, not '${typeName(vm, a)}'`);
  }
};

/** list_vectorcall: PyType_GenericAlloc (a fresh 56-byte block, not the free list), then list_extend. */
const listCtor: BuiltinImpl = (it, args) => {
  const vm = it.vm;
  if (args.length > 1) throw typeError(`list expected at most 1 argument, got ${args.length}`);
  const l = vm.newGcObject(T.List, LIST_BASIC);
  vm.gc.track(l);
  if (args.length) listExtendIterable(it, l, args[0]);
  return l;
};

/** PySequence_Tuple: a tuple as is, a list copied, anything else collected into a tuple. */
const tupleCtor: BuiltinImpl = (it, args) => {
  const vm = it.vm;
  if (args.length === 0) return vm.s.emptyTuple;
  const a = args[0];
  const t = vm.table;
  if (t.type[a] === T.Tuple) {
    vm.incref(a);
    return a;
  }
  let items: Int32Array;
  if (t.type[a] === T.List) {
    items = Int32Array.from({ length: t.n[a] }, (_, i) => listItem(vm, a, i));
    for (const x of items) vm.incref(x);
  } else {
    const out: number[] = [];
    const iter = getIter(it, a);
    for (let v = iterNext(it, iter); v; v = iterNext(it, iter)) out.push(v);
    vm.decref(iter);
    items = Int32Array.from(out);
  }
  return tupleFromItems(vm, items);
};

/** dict_new (PyType_GenericAlloc, then untracked) + dict_update_arg + the keyword arguments. */
const dictCtor: BuiltinImpl = (it, args, kw) => {
  const vm = it.vm;
  const d = vm.newGcObject(T.Dict, DICT_BASIC);
  vm.table.side[d] = { keysAddr: 0, log2: 3, unicode: true, usable: 0, nentries: 0, keys: new Int32Array(0), values: new Int32Array(0), index: new Map() };
  if (args.length) {
    const src = args[0];
    if (vm.table.type[src] === T.Dict) dictMerge(vm, d, src);
    else {
      const iter = getIter(it, src);
      for (let item = iterNext(it, iter); item; item = iterNext(it, iter)) {
        const [k, v] = unpack(it, item, 2);
        dictSetItem(vm, d, k, v);
        vm.decref(k);
        vm.decref(v);
      }
      vm.decref(iter);
    }
  }
  for (const [k, v] of kw) dictSetItem(vm, d, it.name(k), v);
  return d;
};

/** make_new_set + set_update_internal. */
function setCtor(it: Interp, args: number[], frozen: boolean): number {
  const vm = it.vm;
  const s = setNew(vm, frozen);
  if (args.length) {
    const iter = getIter(it, args[0]);
    for (let v = iterNext(it, iter); v; v = iterNext(it, iter)) {
      setAdd(vm, s, v);
      vm.decref(v);
      it.tick(it.line);
    }
    vm.decref(iter);
  }
  return s;
}

/** bytes_new_impl: bytes(n) is _PyBytes_FromSize(n, use_calloc=1); bytes(b) is b itself. */
const bytesCtor: BuiltinImpl = (it, args) => {
  const vm = it.vm;
  if (args.length === 0) return vm.s.emptyBytes;
  const a = args[0];
  switch (vm.table.type[a]) {
    case T.Int: {
      const n = Number(intValue(vm, a));
      if (n < 0) throw valueError('negative count');
      return bytesNew(vm, { fill: 0, length: n }, true);
    }
    case T.Bytes:
      vm.incref(a);
      return a;
    case T.List:
    case T.Tuple: {
      let s = '';
      for (let i = 0; i < vm.table.n[a]; i++) s += String.fromCharCode(Number(intValue(vm, vm.table.type[a] === T.List ? listItem(vm, a, i) : tupleItems(vm, a)[i])));
      return bytesNew(vm, s);
    }
    default:
      throw new NotSupported(`bytes(${typeName(vm, a)})`);
  }
};

/** bytearray(): PyType_GenericAlloc (56 bytes), then bytearray___init__. */
const bytearrayCtor: BuiltinImpl = (it, args) => {
  const vm = it.vm;
  if (args.length === 0) return bytearrayNew(vm, 0);
  const a = args[0];
  if (vm.table.type[a] === T.Int) {
    const n = intValue(vm, a);
    if (n < 0) throw valueError('negative count');
    if (typeof n === 'bigint' || n > 2 ** 53) throw new PyError('OverflowError', 'cannot fit \'int\' into an index-sized integer');
    return bytearrayNew(vm, n);
  }
  if (vm.table.type[a] === T.Bytes) {
    const c = bytesContent(vm, a);
    const h = bytearrayNew(vm, 0);
    const n = vm.table.n[a];
    if (n) {
      bytearrayResize(vm, h, n);
      vm.mem.touch(vm.table.ptr[h], n);
      vm.table.side[h] = byteString(c) ?? { fill: 0, length: n };
    }
    return h;
  }
  throw new NotSupported(`bytearray(${typeName(vm, a)})`);
};

