import { NotSupported, PyError } from '../errors';
import { clearError, raiseString } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { fromLong, intValue } from '../objects/int';
import { listItem } from '../objects/list';
import { strNew } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { T, TpFlags, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { cFree, cMalloc } from './clib';
import { charArrayAddress, isCharArray } from './ctypesarray';
import { fromCValue, simpleInfo, toCValue, wrapInt, type SimpleInfo, type SimpleObj } from './ctypessimple';
import { hostOf } from './host';
import { cargAddress } from './ctypesbyref';
import { cbufferOf, cdataNew } from './ctypesmem';
import { ctypeOfClass } from './ctypestypes';
import { MALLINFO2_FIELDS, type LibcModel } from '../../libc/libc';

/**
 * A libc function looked up on a CDLL (PyCFuncPtrObject, cached on the CDLL): its argtypes and
 * restype as scripts set them, and the call, which acts on the simulated process: malloc_trim,
 * malloc_stats, malloc/calloc/free and malloc_usable_size go to the glibc model.
 *
 * Setting argtypes (PyCFuncPtr_set_argtypes, measured for `[c_size_t]`: "m 48" a tuple copy,
 * "m 48" the converters tuple, "m 72" the bound from_param per item) keeps the object given, the
 * converters and their methods until argtypes is set again. Setting restype the first time costs "m 190" that
 * stays (measured: m 63 f 63 m 190 m 54 f 54, then a block made before grows to 102 bytes and
 * is freed: replayed as a 102-byte block made and freed).
 */
export interface CFuncState {
  name: string;
  trim: (pad: number) => number;
  /** The argtypes tuple (0: not set). */
  argtypes: number;
  converters: number;
  fromParams: number[];
  /** The restype (0: the default, c_int; None: void). */
  restype: number;
  restypeBlock: number;
  /** Blocks this function's malloc/calloc handed out (free() of anything else is not modelled). */
  heap: Set<number>;
}

export const newFuncState = (name: string, trim: (pad: number) => number, heap: Set<number>): CFuncState => ({
  name,
  trim,
  argtypes: 0,
  converters: 0,
  fromParams: [],
  restype: 0,
  restypeBlock: 0,
  heap,
});

const FROM_PARAM = 72;
const RESTYPE_CALLS: readonly [string, number][] = [
  ['m', 63],
  ['f', 63],
  ['m', 190],
  ['m', 54],
  ['f', 54],
  ['m', 102],
  ['f', 102],
];

const typeInfo = (vm: Vm, h: number): SimpleInfo | null =>
  vm.typeOf(h).mro.includes(T.Type) ? simpleInfo(vm, (vm.table.side[h] as TypeSlots).id) : null;

function setArgtypes(vm: Vm, st: CFuncState, v: number): void {
  const t = vm.table.type[v];
  let items: number[];
  if (v === 0 || v === vm.s.None) items = [];
  else if (t === T.List) items = Array.from({ length: vm.table.n[v] }, (_, i) => listItem(vm, v, i));
  else if (t === T.Tuple) items = [...tupleItems(vm, v)];
  else throw raiseString(vm, E.TypeError, '_argtypes_ must be a sequence of types');
  items.forEach((it, i) => {
    if (typeInfo(vm, it) === null)
      throw raiseString(vm, E.TypeError, `item ${i + 1} in _argtypes_ has no from_param method`);
  });
  const old = [st.argtypes, st.converters];
  const oldBlocks = st.fromParams;
  st.argtypes = 0;
  st.converters = 0;
  st.fromParams = [];
  if (v !== 0 && v !== vm.s.None) {
    // converters_from_argtypes: PySequence_Tuple(argtypes) (a transient copy), then a tuple of
    // each type's from_param, a bound method kept there
    for (const it of items) vm.incref(it);
    const copy = tupleFromItems(vm, items);
    for (const it of items) vm.incref(it);
    st.converters = tupleFromItems(vm, items);
    vm.decref(copy);
    st.fromParams = items.map(() => vm.mem.malloc(FROM_PARAM));
    // the object itself is kept as argtypes (a list reads back as that list)
    vm.incref(v);
    st.argtypes = v;
  }
  for (const p of oldBlocks) vm.mem.free(p);
  for (const h of old) if (h) vm.decref(h);
}

function setRestype(vm: Vm, st: CFuncState, v: number): void {
  if (v !== vm.s.None && typeInfo(vm, v) === null && ctypeOfClass(vm, v)?.struct == null)
    throw raiseString(vm, E.TypeError, 'restype must be a type, a callable, or None');
  if (st.restypeBlock === 0) {
    const live = new Map<number, number[]>();
    for (const [op, size] of RESTYPE_CALLS) {
      if (op !== 'f') live.set(size, [...(live.get(size) ?? []), op === 'm' ? vm.mem.malloc(size) : vm.mem.realloc(0, size)]);
      else vm.mem.free(live.get(size)!.pop()!);
    }
    st.restypeBlock = live.get(190)![0];
  }
  vm.incref(v);
  const old = st.restype;
  st.restype = v;
  if (old) vm.decref(old);
}

/** ConvParam / the converters: a Python argument as the C value passed (a 64-bit word). */
function convert(vm: Vm, st: CFuncState, i: number, h: number): bigint | null {
  const at = st.converters ? tupleItems(vm, st.converters) : null;
  const wrong = (why: string) => raiseString(vm, E.ArgumentError, `argument ${i + 1}: TypeError: ${why}`);
  if (at !== null && i < at.length) {
    const info = typeInfo(vm, at[i])!;
    if (vm.table.type[h] === vm.table.type[at[i]] || simpleInfo(vm, vm.table.type[h]) === info) {
      const v = (vm.table.side[h] as SimpleObj).value;
      return typeof v === 'bigint' ? v : null;
    }
    if (isCharArray(vm, h) && (info.kind === 'char_p' || info.kind === 'void_p')) return BigInt(charArrayAddress(vm, h));
    let v;
    try {
      v = toCValue(vm, info, h);
    } catch (e) {
      if (!(e instanceof PyError)) throw e;
      clearError(vm, e);
      throw wrong('wrong type');
    }
    if (typeof v === 'bigint') return v;
    if (v === null) return 0n;
    throw new NotSupported(`passing a ${info.name} argument to libc.${st.name}`);
  }
  const t = vm.table.type[h];
  const byref = cargAddress(vm, h);
  if (byref !== null) return BigInt(byref);
  if (t === T.Int || t === T.Bool) return BigInt.asUintN(64, BigInt(intValue(vm, h)));
  if (h === vm.s.None) return 0n;
  if (isCharArray(vm, h)) return BigInt(charArrayAddress(vm, h));
  throw wrong(`Don't know how to convert parameter ${i + 1}`);
}

/** The C function itself, on the simulated process; its raw 64-bit result. */
function callLibc(vm: Vm, st: CFuncState, argv: bigint[]): bigint {
  const arg = (i: number) => Number(argv[i] ?? 0n);
  switch (st.name) {
    case 'malloc_trim':
      return BigInt(st.trim(arg(0)));
    case 'malloc_stats':
      // void malloc_stats(void): glibc's text on stderr; ctypes reads the int register, 0 here (measured)
      hostOf(vm).writeCStderr(hostOf(vm).mallocStats());
      return 0n;
    case 'malloc': {
      // glibc malloc called directly: outside Python's allocators, nothing written yet
      const p = cMalloc(vm, Math.max(arg(0), 0), 0);
      st.heap.add(p);
      return BigInt(p);
    }
    case 'calloc': {
      const n = arg(0) * arg(1);
      const p = cMalloc(vm, n, n);
      st.heap.add(p);
      return BigInt(p);
    }
    case 'free': {
      const p = arg(0);
      if (p === 0) return 0n;
      if (!st.heap.has(p)) throw new NotSupported('libc.free of a pointer the script did not get from libc.malloc');
      st.heap.delete(p);
      cFree(vm, p);
      return 0n;
    }
    case 'malloc_usable_size': {
      const p = arg(0);
      if (p === 0) return 0n;
      if (!st.heap.has(p)) throw new NotSupported('malloc_usable_size of a pointer the script did not get from libc.malloc');
      // both allocator front ends (pymalloc's raw path, PYTHONMALLOC=malloc) keep glibc as `libc`
      const libc = (vm.mem.pymalloc as unknown as { libc: { usableSize(q: number): number } }).libc;
      return BigInt(libc.usableSize(p));
    }
  }
  throw new NotSupported(`calling libc.${st.name} through ctypes`);
}

/** GetResult: the raw result through restype (default c_int: the low 32 bits, signed). */
function result(vm: Vm, st: CFuncState, raw: bigint): number {
  if (st.restype === vm.s.None) {
    vm.incref(vm.s.None);
    return vm.s.None;
  }
  const info = st.restype ? typeInfo(vm, st.restype)! : null;
  if (info === null) return fromLong(vm, BigInt.asIntN(32, raw));
  if (info.kind === 'int') return fromCValue(vm, info, wrapInt(info, raw));
  if (info.kind === 'void_p') return fromCValue(vm, info, raw === 0n ? null : raw);
  throw new NotSupported(`a ${info.name} restype`);
}

/**
 * mallinfo2() / mallinfo(): glibc's struct of ten size_t (ten int for the old mallinfo, each
 * truncated to 32 bits) returned by value; with a Structure restype (what memory scripts set)
 * GetResult makes an instance of it holding those bytes. Under jemalloc or mimalloc the symbol is
 * still glibc's (neither defines it): the figures of glibc's own, untouched arena.
 */
function mallinfoResult(vm: Vm, st: CFuncState): number {
  const rt = st.restype && st.restype !== vm.s.None ? ctypeOfClass(vm, st.restype) : null;
  if (rt === null || rt.struct === null)
    throw new NotSupported(`libc.${st.name}() without a Structure restype (the C struct comes back in memory ctypes reads as an int)`);
  const libc = (vm.mem.pymalloc as unknown as { libc: LibcModel }).libc;
  const mi = libc.mallinfo2();
  const word = st.name === 'mallinfo2' ? 8 : 4;
  const h = cdataNew(vm, rt.typeId, rt.size);
  const dv = new DataView(cbufferOf(vm, h)!.bytes.buffer);
  MALLINFO2_FIELDS.forEach((f, i) => {
    if ((i + 1) * word > rt.size) return;
    if (word === 8) dv.setBigUint64(i * 8, BigInt(mi[f]), true);
    else dv.setUint32(i * 4, Number(BigInt.asUintN(32, BigInt(mi[f]))), true);
  });
  return h;
}

/** `libc.name(...)` (PyCFuncPtr_call: tp_call, so the arguments come as a tuple). */
export const cfuncPtrType = (defaultRestype: (vm: Vm) => number): TypeSlots =>
  defineType({
    id: T.CFunc,
    name: '_FuncPtr',
    module: 'ctypes',
    basicsize: 200,
    flags: TpFlags.HaveGc,
    dealloc: () => {
      throw new Error('internal: a cached _FuncPtr deallocated');
    },
    reprText: (vm, h) => `<_FuncPtr object at 0x${vm.id(h).toString(16)}>`,
    call: (vm, fn, args) => {
      const st = vm.table.side[fn] as CFuncState;
      const items = tupleItems(vm, args);
      const n = st.converters ? tupleItems(vm, st.converters).length : 0;
      if (items.length < n)
        throw raiseString(vm, E.TypeError, `this function takes at least ${n} argument${n === 1 ? '' : 's'} (${items.length} given)`);
      const argv = Array.from(items, (h, i) => convert(vm, st, i, h) ?? 0n);
      if (st.name === 'mallinfo2' || st.name === 'mallinfo') return mallinfoResult(vm, st);
      return result(vm, st, callLibc(vm, st, argv));
    },
    getset: {
      argtypes: {
        name: 'argtypes',
        get: (vm, h) => {
          const v = (vm.table.side[h] as CFuncState).argtypes || vm.s.None;
          vm.incref(v);
          return v;
        },
        set: (vm, h, v) => setArgtypes(vm, vm.table.side[h] as CFuncState, v),
      },
      restype: {
        name: 'restype',
        get: (vm, h) => {
          const v = (vm.table.side[h] as CFuncState).restype || defaultRestype(vm);
          vm.incref(v);
          return v;
        },
        set: (vm, h, v) => {
          if (v === 0) throw raiseString(vm, E.TypeError, 'restype cannot be deleted');
          setRestype(vm, vm.table.side[h] as CFuncState, v);
        },
      },
      __name__: { name: '__name__', get: (vm, h) => strOf(vm, (vm.table.side[h] as CFuncState).name) },
    },
  });

const strOf = (vm: Vm, s: string): number => strNew(vm, s);
