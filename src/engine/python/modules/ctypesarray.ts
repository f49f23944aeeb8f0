import { indexError, raiseString, typeError, valueError } from '../abstract/errors';
import { byteAt, byteLength, bytesContent, bytesNew } from '../objects/bytes';
import { E } from '../objects/exctypes';
import { fromLong, intValue } from '../objects/int';
import { strValue } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { reprText } from '../abstract/repr';
import { readyStaticType } from '../objects/typeobject';
import { T, TpFlags, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { CDATA_BASIC, simpleInfo } from './ctypessimple';
import { NotSupported } from '../errors';
import { listNew, listPut } from '../objects/list';
import { sliceIndices } from '../objects/slice';
import { bufferAddress, cbufferOf, cdataDealloc, cdataNew, getScalar, setScalar } from './ctypesmem';
import { ctypeOfClass, ctypeOfId, giveMeta, registerArray, type CType } from './ctypestypes';

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

const caches = new WeakMap<Vm, Map<string, TypeSlots>>();

/**
 * `item * length` (PyCArrayType_from_ctype): the cached class, made (its type_new's allocations
 * replayed as measured) on first use. A c_char array also gets CharArray_getsets (value, raw).
 */
export function arrayTypeOf(vm: Vm, item: CType, length: number): TypeSlots {
  let cache = caches.get(vm);
  if (cache === undefined) caches.set(vm, (cache = new Map()));
  const key = `${item.typeId}:${length}`;
  const known = cache.get(key);
  if (known !== undefined) {
    // the cache's key, Py_BuildValue("(On)", itemtype, length), made for the lookup and dropped (measured: "m 56")
    const t = vm.types[item.typeId].typeObject;
    vm.incref(t);
    vm.decref(tupleFromItems(vm, [t, fromLong(vm, length)]));
    return known;
  }
  if (length < 0) throw valueError(vm, 'Array length must be >= 0, not %d', length);
  const name = `${item.name}_Array_${length}`;
  const isChar = item.simple?.kind === 'char';
  replay(vm, [...headCalls(name, length), ...TYPE_CALLS, ...(isChar ? CHAR_GETSET_CALLS : []), ...END_CALLS]);
  const s = arrayType(vm.newTypeId(), name, item, length);
  readyStaticType(vm, s);
  giveMeta(vm, s, 'PyCArrayType');
  registerArray(vm, s.id, item, length);
  cache.set(key, s);
  return s;
}

/** `c_char * length`: the array class create_string_buffer makes. */
export function charArrayType(vm: Vm, length: number): TypeSlots {
  return arrayTypeOf(vm, ctypeOfClass(vm, charClass(vm))!, length);
}

const charClass = (vm: Vm): number => {
  for (const s of vm.types) if (s !== undefined && s.name === 'c_char' && s.module === 'ctypes' && simpleInfo(vm, s.id)?.kind === 'char') return s.typeObject;
  throw new Error('internal: c_char is not ready');
};

const arrayInfo = (vm: Vm, h: number): { item: CType; length: number } => ctypeOfId(vm, vm.table.type[h])!.array!;

export const isCharArray = (vm: Vm, h: number): boolean => {
  const c = cbufferOf(vm, h) !== null ? ctypeOfId(vm, vm.table.type[h]) : null;
  return c !== null && c.array !== null && c.array.item.simple?.kind === 'char';
};

export const charArrayBytes = (vm: Vm, h: number): Uint8Array => cbufferOf(vm, h)!.bytes;

/** The address of the array's bytes (b_ptr): its buffer, or b_value inside the object. */
export const charArrayAddress = bufferAddress;

const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
};

function setValue(vm: Vm, h: number, v: number): void {
  if (vm.table.type[v] !== T.Bytes) throw typeError(vm, 'bytes expected instead of %s instance', vm.types[vm.table.type[v]].name);
  const d = cbufferOf(vm, h)!;
  const c = bytesContent(vm, v);
  const n = byteLength(c);
  if (n > d.bytes.length) throw valueError(vm, 'byte string too long');
  for (let i = 0; i < n; i++) d.bytes[i] = byteAt(c, i);
  if (n < d.bytes.length) d.bytes[n] = 0;
}

/** Array_item: a scalar item as a Python object (a c_char item as a 1-byte bytes). */
function getItem(vm: Vm, h: number, i: number): number {
  const { item, length } = arrayInfo(vm, h);
  if (i < 0 || i >= length) throw indexError(vm, 'invalid index');
  if (item.simple === null) throw new NotSupported(`items of a ctypes array of ${item.name}`);
  return getScalar(vm, item.simple, cbufferOf(vm, h)!.bytes, i * item.size);
}

/** Array_ass_item: the item's setfunc (an int wrapped to the width, a TypeError for the wrong kind). */
function setItem(vm: Vm, h: number, i: number, v: number): void {
  const { item, length } = arrayInfo(vm, h);
  if (v === 0) throw typeError(vm, 'Array does not support item deletion');
  if (i < 0 || i >= length) throw indexError(vm, 'invalid index');
  if (item.simple === null) throw new NotSupported(`items of a ctypes array of ${item.name}`);
  setScalar(vm, item.simple, cbufferOf(vm, h)!.bytes, i * item.size, v);
}

/** Array_subscript with a slice: a list of the items (a c_char array: bytes). */
function getSlice(vm: Vm, h: number, key: number): number {
  const { item, length } = arrayInfo(vm, h);
  const { start, step, length: n } = sliceIndices(vm, key, length);
  if (item.simple?.kind === 'char') {
    const b = cbufferOf(vm, h)!.bytes;
    let s = '';
    for (let k = 0; k < n; k++) s += String.fromCharCode(b[start + k * step]);
    return bytesNew(vm, s);
  }
  const out = listNew(vm, n);
  for (let k = 0; k < n; k++) listPut(vm, out, k, getItem(vm, h, start + k * step));
  return out;
}

const arrayType = (id: number, name: string, item: CType, length: number): TypeSlots => {
  const isChar = item.simple?.kind === 'char';
  return defineType({
    id,
    name,
    module: '__main__',
    basicsize: CDATA_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    new: (vm, type, args) => {
      const items = tupleItems(vm, args);
      const h = cdataNew(vm, type.id, item.size * length);
      try {
        // Array_init: each positional argument set as an item (too many: IndexError)
        items.forEach((it, i) => {
          if (i >= length) throw indexError(vm, 'invalid index');
          setItem(vm, h, i, it);
        });
      } catch (e) {
        vm.decref(h);
        throw e;
      }
      return h;
    },
    dealloc: cdataDealloc,
    reprText: (vm, h) => `<__main__.${name} object at 0x${vm.id(h).toString(16)}>`,
    sequence: {
      length: () => length,
      item: getItem,
      assItem: setItem,
    },
    mapping: {
      length: () => length,
      subscript: (vm, h, key) => {
        const t = vm.table.type[key];
        if (t === T.Slice) return getSlice(vm, h, key);
        if (t !== T.Int && t !== T.Bool) throw typeError(vm, 'indices must be integers');
        const i = Number(intValue(vm, key));
        return getItem(vm, h, i < 0 ? i + length : i);
      },
      assSubscript: (vm, h, key, v) => {
        const t = vm.table.type[key];
        if (t !== T.Int && t !== T.Bool) throw new NotSupported('slice assignment to a ctypes array');
        const i = Number(intValue(vm, key));
        setItem(vm, h, i < 0 ? i + length : i, v);
      },
    },
    getset: {
      ...(isChar
        ? {
            // CharArray_get_raw: a bytes copy of all the array's bytes
            raw: { name: 'raw', get: (vm: Vm, h: number) => bytesNew(vm, latin1(charArrayBytes(vm, h))) },
            // CharArray_get_value: the bytes up to the first NUL
            value: {
              name: 'value',
              get: (vm: Vm, h: number) => {
                const b = charArrayBytes(vm, h);
                const nul = b.indexOf(0);
                return bytesNew(vm, latin1(nul < 0 ? b : b.subarray(0, nul)));
              },
              set: (vm: Vm, h: number, v: number) => setValue(vm, h, v),
            },
          }
        : {}),
      _length_: { name: '_length_', get: (vm: Vm) => fromLong(vm, length) },
      _type_: {
        name: '_type_',
        get: (vm: Vm) => {
          const t = vm.types[item.typeId].typeObject;
          vm.incref(t);
          return t;
        },
      },
    },
  });
};

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
    const h = cdataNew(vm, s.id, n);
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
    return cdataNew(vm, s.id, n);
  }
  // `raise TypeError(init)`
  throw raiseString(vm, E.TypeError, t === T.Str ? strValue(vm, init) : reprText(vm, init));
}
