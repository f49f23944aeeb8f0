import { indexError, raiseString, typeError, valueError } from '../abstract/errors';
import { byteAt, byteLength, bytesContent, bytesNew } from '../objects/bytes';
import { E } from '../objects/exctypes';
import { fromLong, intValue } from '../objects/int';
import { strValue } from '../objects/str';
import { tupleItems } from '../objects/tuple';
import { reprText } from '../abstract/repr';
import { readyStaticType } from '../objects/typeobject';
import { T, TpFlags, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { CDATA_BASIC } from './ctypessimple';

/**
 * `c_char * n` and ctypes.create_string_buffer (3.11.7). An array type is made on first use of
 * its length and kept in _ctypes' cache (PyCArrayType_from_ctype: a dict keyed by (itemtype,
 * length)), so a second buffer of the same size makes no class. An instance is a CDataObject
 * (136-byte GC block) whose bytes sit in b_value when they fit in its 16 bytes, else in a
 * PyMem_Malloc'd buffer that is zeroed (memset: every page becomes resident), freed with it.
 *
 * Making the class is PyCArrayType_new running type_new with the char array's getsets (value,
 * raw): its calls are replayed as measured (`create_string_buffer(100)` and `(1000000)` under
 * record_allocations.py, 3.11.7): the name str (49 + len bytes) and, for a length past the
 * small-int cache, its int are the only sizes that vary.
 */
const INLINE = 16;

const headCalls = (name: string, length: number): string[] => [
  'm 64',
  ...(length > 256 ? ['m 28'] : []),
  'm 56',
  `m ${49 + name.length}`,
  'm 48',
  'm 64',
  'm 57',
  ...(length > 256 ? ['m 32'] : []),
  'm 120',
];
// type_new's heap type (960) and its dicts, mro, slots and the stgdict (the same for every length)
const TYPE_CALLS = (
  'm 55,m 64,m 120,m 64,m 960,m 72,m 56,m 32,f 32,m 64,m 57,f 57,m 64,m 60,f 60,m 208,m 32,m 80,m 64,' +
  'm 160,m 768,m 208,m 64,f 208,m 56,m 72,f 56,f 72,m 57,f 57,m 55,f 55,m 208,m 3,m 8,m 208,f 208'
).split(',');
// CharArray_getsets: two getset descriptors, each name looked up through a transient str
const CHAR_GETSET_CALLS = 'm 64,m 52,f 52,m 52,f 52,m 64,m 54,f 54,m 54,f 54'.split(',');
const END_CALLS = ['m 32', 'm 80', 'm 160'];

/** Replay measured PyObject_Malloc/free calls; the blocks still live are kept by the class forever. */
function replay(vm: Vm, calls: readonly string[]): number[] {
  const live: { size: number; p: number }[] = [];
  for (const c of calls) {
    const size = Number(c.slice(2));
    if (c[0] === 'm') {
      const p = vm.mem.malloc(size);
      if (p === 0) throw raiseString(vm, E.MemoryError, '');
      vm.mem.wroteObject(p, size);
      live.push({ size, p });
    } else {
      let i = live.length - 1;
      while (i >= 0 && live[i].size !== size) i--;
      if (i >= 0) vm.mem.free(live.splice(i, 1)[0].p);
    }
  }
  return live.map((b) => b.p);
}

interface CharArrayObj {
  bytes: Uint8Array;
  /** The PyMem buffer (0: the bytes are inline in b_value). */
  block: number;
}

const caches = new WeakMap<Vm, Map<number, TypeSlots>>();

/** `c_char * length`: the cached class, made (and its allocations replayed) on first use. */
export function charArrayType(vm: Vm, length: number): TypeSlots {
  let cache = caches.get(vm);
  if (cache === undefined) caches.set(vm, (cache = new Map()));
  const known = cache.get(length);
  if (known !== undefined) return known;
  const name = `c_char_Array_${length}`;
  replay(vm, [...headCalls(name, length), ...TYPE_CALLS, ...CHAR_GETSET_CALLS, ...END_CALLS]);
  const s = arrayType(vm.newTypeId(), name, length);
  readyStaticType(vm, s);
  cache.set(length, s);
  return s;
}

/** GenericPyCData_new for an array: the object, then its buffer when it does not fit inline (zeroed). */
function charArrayNew(vm: Vm, typeId: number, length: number): number {
  const h = vm.newGcObject(typeId, CDATA_BASIC);
  let block = 0;
  if (length > INLINE) {
    block = vm.mem.malloc(length);
    if (block === 0) {
      vm.gcDel(h);
      throw raiseString(vm, E.MemoryError, '');
    }
    vm.mem.touch(block, length);
  }
  vm.table.side[h] = { bytes: new Uint8Array(length), block } satisfies CharArrayObj;
  vm.gc.track(h);
  return h;
}

export const isCharArray = (vm: Vm, h: number): boolean => vm.types[vm.table.type[h]]?.name.startsWith('c_char_Array_') === true && vm.table.side[h] !== undefined && (vm.table.side[h] as CharArrayObj).bytes instanceof Uint8Array;

export const charArrayBytes = (vm: Vm, h: number): Uint8Array => (vm.table.side[h] as CharArrayObj).bytes;

/** The address of the array's bytes (b_ptr): its buffer, or b_value inside the object. */
export function charArrayAddress(vm: Vm, h: number): number {
  const d = vm.table.side[h] as CharArrayObj;
  return d.block !== 0 ? d.block : vm.id(h) + 80;
}

const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
};

function setValue(vm: Vm, h: number, v: number): void {
  if (vm.table.type[v] !== T.Bytes) throw typeError(vm, 'bytes expected instead of %s instance', vm.types[vm.table.type[v]].name);
  const d = vm.table.side[h] as CharArrayObj;
  const c = bytesContent(vm, v);
  const n = byteLength(c);
  if (n > d.bytes.length) throw valueError(vm, 'byte string too long');
  for (let i = 0; i < n; i++) d.bytes[i] = byteAt(c, i);
  if (n < d.bytes.length) d.bytes[n] = 0;
}

const arrayType = (id: number, name: string, length: number): TypeSlots =>
  defineType({
    id,
    name,
    module: 'ctypes',
    basicsize: CDATA_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    new: (vm, type, args) => {
      const items = tupleItems(vm, args);
      const h = charArrayNew(vm, type.id, length);
      try {
        const d = vm.table.side[h] as CharArrayObj;
        if (items.length > length) throw indexError(vm, 'indices must be integers');
        items.forEach((it, i) => {
          if (vm.table.type[it] !== T.Bytes || byteLength(bytesContent(vm, it)) !== 1)
            throw typeError(vm, 'one character bytes, bytearray or integer expected');
          d.bytes[i] = byteAt(bytesContent(vm, it), 0);
        });
      } catch (e) {
        vm.decref(h);
        throw e;
      }
      return h;
    },
    dealloc: (vm, h) => {
      const d = vm.table.side[h] as CharArrayObj;
      vm.gc.untrack(h);
      if (d.block !== 0) vm.mem.free(d.block);
      vm.gcDel(h);
    },
    reprText: (vm, h) => `<ctypes.${name} object at 0x${vm.id(h).toString(16)}>`,
    sequence: {
      length: () => length,
      item: (vm, h, i) => {
        if (i < 0 || i >= length) throw indexError(vm, 'invalid index');
        return bytesNew(vm, String.fromCharCode(charArrayBytes(vm, h)[i]));
      },
      assItem: (vm, h, i, v) => {
        if (i < 0 || i >= length) throw indexError(vm, 'invalid index');
        if (v === 0) throw typeError(vm, 'Array does not support item deletion');
        const t = vm.table.type[v];
        if (t === T.Bytes && byteLength(bytesContent(vm, v)) === 1) charArrayBytes(vm, h)[i] = byteAt(bytesContent(vm, v), 0);
        else if (t === T.Int && Number(intValue(vm, v)) >= 0 && Number(intValue(vm, v)) < 256) charArrayBytes(vm, h)[i] = Number(intValue(vm, v));
        else throw typeError(vm, 'one character bytes, bytearray or integer expected');
      },
    },
    getset: {
      // CharArray_get_raw: a bytes copy of all the array's bytes
      raw: { name: 'raw', get: (vm, h) => bytesNew(vm, latin1(charArrayBytes(vm, h))) },
      // CharArray_get_value: the bytes up to the first NUL
      value: {
        name: 'value',
        get: (vm, h) => {
          const b = charArrayBytes(vm, h);
          const nul = b.indexOf(0);
          return bytesNew(vm, latin1(nul < 0 ? b : b.subarray(0, nul)));
        },
        set: (vm, h, v) => setValue(vm, h, v),
      },
      _length_: { name: '_length_', get: (vm) => fromLong(vm, length) },
    },
  });

/**
 * ctypes.create_string_buffer(init, size=None) (Lib/ctypes/__init__.py): an int makes a zeroed
 * buffer of that many bytes; bytes make one a byte longer (the NUL) unless `size` says otherwise.
 */
export function createStringBuffer(vm: Vm, args: readonly number[]): number {
  const init = args[0];
  const size = args.length > 1 && args[1] !== vm.s.None ? args[1] : 0;
  const t = vm.table.type[init];
  if (t === T.Bytes) {
    const content = bytesContent(vm, init);
    const n = size !== 0 ? Number(intValue(vm, size)) : byteLength(content) + 1;
    const s = charArrayType(vm, n);
    const h = charArrayNew(vm, s.id, n);
    try {
      setValue(vm, h, init);
    } catch (e) {
      vm.decref(h);
      throw e;
    }
    return h;
  }
  if (t === T.Int) {
    const n = Number(intValue(vm, init));
    if (n < 0) throw valueError(vm, 'Array length must be >= 0, not %d', n);
    const s = charArrayType(vm, n);
    return charArrayNew(vm, s.id, n);
  }
  // `raise TypeError(init)`
  throw raiseString(vm, E.TypeError, t === T.Str ? strValue(vm, init) : reprText(vm, init));
}
