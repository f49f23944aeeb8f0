import { raiseString, typeError } from '../abstract/errors';
import { asSsize, index } from '../abstract/number';
import { NotSupported, memoryError } from '../errors';
import { bytesContent, byteString, bytesNew, latin1Text } from '../objects/bytes';
import {
  bufferBytes,
  bufferWrite,
  getBuffer,
  getWritableBuffer,
  hasBuffer,
  releaseBuffer,
} from '../objects/buffer';
import { isMemoryview, memoryviewBuffer } from '../objects/memoryview';
import { dictClear, dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { dictData, keysBytes } from '../objects/dictkeys';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { fromLong, fromSsize, intValue } from '../objects/int';
import { moduleType } from '../objects/modtypes';
import { moduleData, moduleStatic } from '../objects/module';
import { strNew, strValue } from '../objects/str';
import { F_IMMORTAL } from '../objects/table';
import { tupleAlloc, tupleFromItems, tupleItems } from '../objects/tuple';
import { Meth, T, TpFlags, defineType, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { builtinStatic } from '../objects/descr';
import { takeStartupBlock } from './footprint';
import { iterUnpack } from './structiter';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import {
  decodeItem,
  encodeItem,
  intRange,
  parseFormat,
  StructFormatError,
  type ParsedFormat,
} from './structfmt';

/**
 * struct over _struct (Modules/_struct.c, 3.11), loaded at start-up in the recorder's process.
 * A Struct is a GC object of 16 + 56 bytes, its format kept as bytes (PyUnicode_AsASCIIString:
 * 33 + length, the 1-byte singleton for one character) and its formatcodes in one PyMem block
 * of (codes + 1) × 32 bytes. The module functions go through cache_struct_converter: a dict of
 * format → Struct (cleared when it holds more than MAXCACHE = 100), missed formats made by
 * calling the type (a 1-tuple of arguments: 48 bytes). The real process starts with 5 formats
 * cached by zipimport (4 str, 1 bytes: a general-keys dict with its 8 slots used up, measured),
 * so the script's first new format resizes it (a 288-byte keys table).
 * pack makes bytes of the struct's size (a 1-byte result is the cached one: measured); unpack
 * a tuple (PyTuple_New first), then its items: PyLong_FromLong (a 32-byte medium int) for
 * b h H i l q, exactly sized ints for I L Q N n P (PyLong_FromUnsignedLong, FromSsize_t:
 * measured), floats, bytes.
 */
const STRUCT_BASIC = 56;
const FORMATCODE = 32;
const MAXCACHE = 100;
/** Codes whose ints are exactly sized (PyLong_FromUnsignedLong / FromSsize_t / FromVoidPtr). */
const EXACT_INTS = 'ILQNnP';
const STARTUP_CACHE = ['<4s4H2LH', '<4s4B4HL2L5H2L', '<4s2B4HL2L2H', '<4sLQL', '<4sQ2H2L4Q'];

export interface StructState {
  fmt: ParsedFormat;
  format: number;
  codes: number;
}

interface ModuleState {
  cache: number;
  error: number;
}
const states = new WeakMap<Vm, ModuleState>();
const stateOf = (vm: Vm): ModuleState => {
  const s = states.get(vm);
  if (s === undefined) throw new Error('internal: _struct used before its import');
  return s;
};
export const structOf = (vm: Vm, h: number): StructState => vm.table.side[h] as StructState;
export const structError = (vm: Vm, msg: string): never => {
  throw raiseString(vm, vm.slotsOf(stateOf(vm).error).id, msg);
};

/** Struct(format): the object, the format as bytes, the parsed codes (prepare_s). */
function structNew(vm: Vm, type: number, format: number): number {
  const t = vm.table.type[format];
  if (t !== T.Str && t !== T.Bytes)
    throw typeError(
      vm,
      'Struct() argument 1 must be a str or bytes object, not %.200s',
      vm.typeOf(format).name,
    );
  const text = t === T.Str ? strValue(vm, format) : (byteString(bytesContent(vm, format)) ?? '');
  const h = vm.newGcObject(type, STRUCT_BASIC);
  vm.table.side[h] = {
    fmt: { size: 0, items: 0, codes: [], little: true, native: true },
    format: 0,
    codes: 0,
  };
  try {
    let fb: number;
    if (t === T.Str) {
      if ([...text].some((ch) => ch.charCodeAt(0) > 0x7f))
        throw new NotSupported('a struct format with non-ASCII characters');
      fb = bytesNew(vm, text);
    } else {
      vm.incref(format);
      fb = format;
    }
    const st = structOf(vm, h);
    st.format = fb;
    try {
      st.fmt = parseFormat(text);
    } catch (e) {
      if (e instanceof StructFormatError) structError(vm, e.message);
      throw e;
    }
    st.codes = vm.mem.malloc((st.fmt.codes.length + 1) * FORMATCODE);
    if (st.codes === 0) throw memoryError();
  } catch (e) {
    vm.decref(h);
    throw e;
  }
  vm.gc.track(h);
  return h;
}

/** cache_struct_converter: the cached Struct for `fmt` (a new reference), made and cached on a miss. */
function cachedStruct(vm: Vm, fmt: number): number {
  const { cache } = stateOf(vm);
  const hit = dictGetItem(vm, cache, fmt);
  if (hit !== 0) {
    vm.incref(hit);
    return hit;
  }
  // PyObject_CallOneArg(Struct, fmt): tp_call packs the argument into a 1-tuple
  vm.incref(fmt);
  const args = tupleFromItems(vm, [fmt]);
  let s: number;
  try {
    s = structNew(vm, moduleType(vm, StructType).id, fmt);
  } finally {
    vm.decref(args);
  }
  if (vm.table.n[cache] > MAXCACHE) dictClear(vm, cache);
  dictSetItem(vm, cache, fmt, s);
  return s;
}

function packValue(vm: Vm, code: string, size: number, v: number): number | bigint | boolean | string {
  switch (code) {
    case 'c':
      if (vm.table.type[v] !== T.Bytes && vm.table.type[v] !== T.ByteArray)
        structError(vm, 'char format requires a bytes object of length 1');
      if (vm.table.n[v] !== 1) structError(vm, 'char format requires a bytes object of length 1');
      return byteString(bytesContent(vm, v)) ?? '\0';
    case 's':
    case 'p': {
      if (vm.table.type[v] !== T.Bytes) structError(vm, `argument for '${code}' must be a bytes object`);
      const s = byteString(bytesContent(vm, v)) ?? '';
      if (code === 's') return (s + '\0'.repeat(size)).slice(0, size);
      const n = Math.min(s.length, size - 1, 255);
      return (String.fromCharCode(n) + s.slice(0, n) + '\0'.repeat(size)).slice(0, size);
    }
    case '?':
      return !(
        v === vm.s.False ||
        v === vm.s.None ||
        (vm.table.type[v] === T.Int && Number(intValue(vm, v)) === 0)
      );
    case 'e':
    case 'f':
    case 'd': {
      const t = vm.table.type[v];
      if (t === T.Float) return vm.table.num[v];
      if (t === T.Int || t === T.Bool) return Number(intValue(vm, v));
      return structError(vm, 'required argument is not a float');
    }
  }
  const t = vm.table.type[v];
  if (t !== T.Int && t !== T.Bool) {
    if (!vm.typeOf(v).number?.index) structError(vm, 'required argument is not an integer');
    const i = index(vm, v);
    const x = intValue(vm, i);
    vm.decref(i);
    return checkRange(vm, code, size, BigInt(x));
  }
  return checkRange(vm, code, size, BigInt(intValue(vm, v)));
}

/** The range errors _struct.c raises: named for byte/short/'i'/standard 'l', generic otherwise. */
function checkRange(vm: Vm, code: string, size: number, x: bigint): bigint {
  const [lo, hi] = intRange(code, size);
  if (x >= lo && x <= hi) return x;
  const named: Record<string, string> = { b: 'byte', B: 'ubyte', h: 'short', H: 'ushort', i: "'i'" };
  if (code === 'l' && size === 4) named.l = "'l'";
  const name = named[code];
  return structError(vm, name ? `${name} format requires ${lo} <= number <= ${hi}` : 'argument out of range');
}

/** The record's bytes (s_pack_internal); `name` is the caller's, for the count error. */
function packRecord(vm: Vm, st: StructState, args: readonly number[], name: string): Uint8Array {
  if (args.length !== st.fmt.items)
    structError(vm, `${name} expected ${st.fmt.items} items for packing (got ${args.length})`);
  const out = new Uint8Array(st.fmt.size);
  let k = 0;
  for (const c of st.fmt.codes) {
    const n = c.code === 's' || c.code === 'p' ? 1 : c.repeat;
    for (let r = 0; r < n; r++) {
      const v = packValue(vm, c.code, c.size, args[k++]);
      let bytes: string;
      try {
        bytes = encodeItem(c.code, c.size, st.fmt.little, v);
      } catch (e) {
        if (e instanceof RangeError) throw raiseString(vm, E.OverflowError, e.message);
        throw e;
      }
      const at = c.offset + r * c.size;
      for (let i = 0; i < bytes.length; i++) out[at + i] = bytes.charCodeAt(i);
    }
  }
  return out;
}

const packWith = (vm: Vm, st: StructState, args: readonly number[]): number =>
  bytesNew(vm, latin1Text(packRecord(vm, st, args, 'pack')));

/**
 * The bytes [offset, offset + n) of a readable buffer (getargs' "y*": bytes, bytearray,
 * memoryview, array.array, a BytesIO view), with its length; the export is held only for the copy.
 */
export function readBuffer(vm: Vm, buf: number, at: (len: number) => [number, number]): [Uint8Array, number] {
  const mv = isMemoryview(vm, buf);
  if (!mv && !hasBuffer(vm, buf))
    throw typeError(vm, "a bytes-like object is required, not '%.100s'", vm.typeOf(buf).name);
  const view = mv ? memoryviewBuffer(vm, buf) : getBuffer(vm, buf);
  try {
    const [lo, hi] = at(view.len);
    return [bufferBytes(vm, view, lo, hi), view.len];
  } finally {
    if (!mv) releaseBuffer(vm, view);
  }
}

/** The length of a readable buffer. */
export const bufferLength = (vm: Vm, buf: number): number => readBuffer(vm, buf, () => [0, 0])[1];

/** One record's items from its bytes (`rec` holds exactly st.fmt.size bytes). */
export function unpackWith(vm: Vm, st: StructState, rec: Uint8Array): number {
  const n = st.fmt.items;
  if (n === 0) return vm.s.emptyTuple;
  const data = latin1Text(rec);
  const tuple = tupleAlloc(vm, n);
  const base = vm.table.ref[tuple];
  vm.pool.data.fill(0, base, base + n);
  vm.gc.track(tuple);
  let k = 0;
  for (const c of st.fmt.codes) {
    const count = c.code === 's' || c.code === 'p' ? 1 : c.repeat;
    for (let r = 0; r < count; r++) {
      const at = c.offset + r * c.size;
      const v = decodeItem(c.code, c.size, st.fmt.little, data.slice(at, at + c.size));
      let item: number;
      if (typeof v === 'boolean') item = vm.s.bool(v);
      else if (typeof v === 'string')
        item = c.code === 'c' ? vm.s.byteChar(v.charCodeAt(0)) : bytesNew(vm, v);
      else if (c.code === 'e' || c.code === 'f' || c.code === 'd') item = fromDouble(vm, Number(v));
      else item = EXACT_INTS.includes(c.code) ? fromSsize(vm, v) : fromLong(vm, v);
      vm.pool.data[base + k++] = item;
    }
  }
  return tuple;
}

function unpack(vm: Vm, st: StructState, buf: number): number {
  const size = st.fmt.size;
  const [rec, len] = readBuffer(vm, buf, (n) => (n === size ? [0, n] : [0, 0]));
  if (len !== size) structError(vm, `unpack requires a buffer of ${size} bytes`);
  return unpackWith(vm, st, rec);
}

/** s_unpack_from: a negative offset counts from the end (3.11's messages for each miss). */
function unpackFrom(vm: Vm, st: StructState, buf: number, off: number): number {
  const size = st.fmt.size;
  let offset = off;
  const [rec] = readBuffer(vm, buf, (len) => {
    if (offset < 0) {
      if (offset + size > 0) structError(vm, `not enough data to unpack ${size} bytes at offset ${offset}`);
      if (offset + len < 0) structError(vm, `offset ${offset} out of range for ${len}-byte buffer`);
      offset += len;
    }
    if (len - offset < size)
      structError(
        vm,
        `unpack_from requires a buffer of at least ${size + offset} bytes for unpacking ${size} bytes at offset ${offset} (actual buffer size is ${len})`,
      );
    return [offset, offset + size];
  });
  return unpackWith(vm, st, rec);
}

/**
 * s_pack_into: the arguments counted, the buffer taken writable ("w*": bytes and read-only views
 * refuse), the offset (PyNumber_AsSsize_t; negative counts from the end), then the record packed
 * straight into the buffer's memory: no allocation.
 */
function packInto(vm: Vm, st: StructState, args: readonly number[]): number {
  if (args.length !== st.fmt.items + 2) {
    if (args.length === 0) structError(vm, 'pack_into expected buffer argument');
    if (args.length === 1) structError(vm, 'pack_into expected offset argument');
    structError(vm, `pack_into expected ${st.fmt.items} items for packing (got ${args.length - 2})`);
  }
  const buf = args[0];
  const mv = isMemoryview(vm, buf);
  const view = getWritableBuffer(vm, buf, mv ? memoryviewBuffer(vm, buf) : null);
  try {
    let offset = asSsize(vm, args[1], E.IndexError);
    const size = st.fmt.size;
    if (offset < 0) {
      if (offset + size > 0) structError(vm, `no space to pack ${size} bytes at offset ${offset}`);
      if (offset + view.len < 0) structError(vm, `offset ${offset} out of range for ${view.len}-byte buffer`);
      offset += view.len;
    }
    if (view.len - offset < size)
      structError(
        vm,
        `pack_into requires a buffer of at least ${size + offset} bytes for packing ${size} bytes at offset ${offset} (actual buffer size is ${view.len})`,
      );
    bufferWrite(vm, view, offset, packRecord(vm, st, args.slice(2), 'pack_into'));
  } finally {
    if (!mv) releaseBuffer(vm, view);
  }
  return vm.s.None;
}

const withCached = (vm: Vm, fmt: number, f: (st: StructState) => number): number => {
  const s = cachedStruct(vm, fmt);
  try {
    return f(structOf(vm, s));
  } finally {
    vm.decref(s);
  }
};

const offsetArg = (vm: Vm, h: number | undefined): number => (h === undefined ? 0 : Number(intValue(vm, h)));

const FUNCTIONS: MethodDef[] = [
  {
    name: 'pack',
    flags: Meth.Fastcall,
    impl: (vm, _m, a) => withCached(vm, a[0], (st) => packWith(vm, st, a.slice(1))),
  },
  {
    name: 'unpack',
    flags: Meth.Fastcall,
    impl: (vm, _m, a) => withCached(vm, a[0], (st) => unpack(vm, st, a[1])),
  },
  {
    name: 'unpack_from',
    flags: Meth.Fastcall | Meth.Keywords,
    impl: (vm, _m, a, kw) =>
      withCached(vm, a[0], (st) =>
        unpackFrom(vm, st, a[1] ?? kw!.get('buffer')!, offsetArg(vm, a[2] ?? kw?.get('offset'))),
      ),
  },
  {
    name: 'calcsize',
    flags: Meth.O,
    impl: (vm, _m, a) => withCached(vm, a[0], (st) => fromLong(vm, st.fmt.size)),
  },
  {
    name: '_clearcache',
    flags: Meth.NoArgs,
    impl: (vm) => (dictClear(vm, stateOf(vm).cache), vm.s.None),
  },
  {
    name: 'iter_unpack',
    flags: Meth.Fastcall,
    impl: (vm, _m, a) => {
      if (a.length !== 2) throw typeError(vm, 'iter_unpack expected 2 arguments, got %zd', a.length);
      const s = cachedStruct(vm, a[0]);
      try {
        return iterUnpack(vm, s, a[1]);
      } finally {
        vm.decref(s);
      }
    },
  },
  {
    name: 'pack_into',
    flags: Meth.Fastcall,
    impl: (vm, _m, a) => {
      if (a.length === 0) throw typeError(vm, 'missing format argument');
      return withCached(vm, a[0], (st) => packInto(vm, st, a.slice(1)));
    },
  },
];

export const StructType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'Struct',
    module: '_struct',
    basicsize: STRUCT_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const st = structOf(vm, h);
      vm.table.side[h] = undefined;
      if (st.codes) vm.mem.free(st.codes);
      if (st.format) vm.decref(st.format);
      vm.gcDel(h);
    },
    new: (vm, type, args) => {
      const items = tupleItems(vm, args);
      if (items.length !== 1)
        throw typeError(vm, 'Struct() takes exactly one argument (%zd given)', items.length);
      return structNew(vm, type.id, items[0]);
    },
    reprText: (vm, h) => `Struct('${byteString(bytesContent(vm, structOf(vm, h).format)) ?? ''}')`,
    methods: {
      pack: { name: 'pack', flags: Meth.Fastcall, impl: (vm, h, a) => packWith(vm, structOf(vm, h), a) },
      unpack: { name: 'unpack', flags: Meth.O, impl: (vm, h, a) => unpack(vm, structOf(vm, h), a[0]) },
      unpack_from: {
        name: 'unpack_from',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm, h, a, kw) =>
          unpackFrom(
            vm,
            structOf(vm, h),
            a[0] ?? kw!.get('buffer')!,
            offsetArg(vm, a[1] ?? kw?.get('offset')),
          ),
      },
      pack_into: {
        name: 'pack_into',
        flags: Meth.Fastcall,
        impl: (vm, h, a) => packInto(vm, structOf(vm, h), a),
      },
      iter_unpack: { name: 'iter_unpack', flags: Meth.O, impl: (vm, h, a) => iterUnpack(vm, h, a[0]) },
      // s_sizeof: the object and its formatcodes
      __sizeof__: {
        name: '__sizeof__',
        flags: Meth.NoArgs,
        impl: (vm, h) => fromLong(vm, STRUCT_BASIC + FORMATCODE * (structOf(vm, h).fmt.codes.length + 1)),
      },
    },
    getset: {
      size: { name: 'size', get: (vm, h) => fromLong(vm, structOf(vm, h).fmt.size) },
      format: {
        name: 'format',
        get: (vm, h) => strNew(vm, byteString(bytesContent(vm, structOf(vm, h).format)) ?? ''),
      },
    },
  });

/** The zipimport formats the real start-up left in the cache: static keys and Structs. */
function startupCache(vm: Vm): number {
  const mem = vm.mem;
  // restored, not cleared: struct may be imported inside an accounted Python part
  const was = mem.accounted;
  mem.accounted = true;
  try {
    const cache = dictNew(vm);
    vm.table.flags[cache] |= F_IMMORTAL;
    STARTUP_CACHE.forEach((f, i) => {
      const key = i === 0 ? bytesNew(vm, f) : strNew(vm, f);
      vm.table.flags[key] |= F_IMMORTAL;
      const s = structNew(vm, moduleType(vm, StructType).id, key);
      vm.table.flags[s] |= F_IMMORTAL;
      dictSetItem(vm, cache, key, s);
    });
    // its keys table (general keys, 8 slots: 32 + 8 + 5 × 24 = 160 bytes) is a real start-up block,
    // which the first resize frees
    const d = dictData(vm, cache);
    const real = takeStartupBlock(vm, keysBytes(d.log2, d.unicode));
    if (real !== 0) d.keysAddr = real;
    return cache;
  } finally {
    mem.accounted = was;
  }
}

function loadStruct(vm: Vm): number {
  let st = states.get(vm);
  if (st === undefined) {
    const globals = runPythonPart(vm, 'struct', 'class error(Exception):\n    pass\n', {});
    st = { cache: 0, error: partName(vm, globals, 'error') };
    states.set(vm, st);
    st.cache = startupCache(vm);
  }
  const m = moduleStatic(vm, 'struct');
  const attrs = moduleData(vm, m).attrs;
  for (const d of FUNCTIONS) attrs.set(d.name, builtinStatic(vm, { ...d, qualname: d.name }, '_struct'));
  attrs.set('Struct', moduleType(vm, StructType).typeObject);
  attrs.set('error', st.error);
  return m;
}

export const structModules: ModuleSpec[] = [
  { name: 'struct', load: (vm) => loadStruct(vm) },
  { name: '_struct', load: (vm) => loadStruct(vm) },
];
