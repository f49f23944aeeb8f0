import { objectBytesHook } from './objectbytes';
import { lookupSpecial } from '../abstract/attr';
import { call } from '../abstract/call';
import { typeError, valueError } from '../abstract/errors';
import { getIter, iterNext, lengthHint } from '../abstract/iter';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { bufferString, getBuffer, hasBuffer, releaseBuffer } from './buffer';
import { bytesContent, bytesCopy, bytesNew } from './bytes';
import { contentCopy } from './bytestore';
import { BytesWriter } from './byteswriter';
import { encodingArgs } from './codecerrors';
import { STR_METHODS } from './strmethods';
import { dictKwargs } from '../abstract/kwargs';
import { intValue } from './int';
import { listSliceItems } from './list';
import { isMemoryview, memoryviewBuffer, memoryviewToBytes } from './memoryview';
import { genericAlloc } from './object';
import { tupleItem, tupleItems } from './tuple';
import { T, TpFlags, type TypeSlots } from './types';

/**
 * bytes() (bytes_new, Objects/bytesobject.c): bytes(n) zeroed by PyObject_Calloc, `__bytes__`,
 * a list or tuple of ints, a buffer copied (_PyBytes_FromBuffer), any other iterable through a
 * _PyBytesWriter (_PyBytes_FromIterator); a subclass copies the exact result into its own object.
 */

/** bytes_new: bytes(n) is _PyBytes_FromSize(n, use_calloc=1); bytes(b) is b itself; a list or tuple of ints. */
export function bytesTypeNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const tmp = bytesExactNew(vm, args, kwargs);
  if (type.id === T.Bytes) return tmp;
  // bytes_subtype_new: tp_alloc(type, n) and the bytes copied, then the exact one released
  try {
    const h = genericAlloc(vm, type, vm.table.n[tmp]);
    vm.table.n[h] = vm.table.n[tmp];
    vm.table.side[h] = bytesContent(vm, tmp);
    return h;
  } finally {
    vm.decref(tmp);
  }
}

/** bytes_new_impl(&PyBytes_Type, x). */
function bytesExactNew(vm: Vm, args: number, kwargs: number): number {
  const n = vm.table.n[args];
  if (kwargs !== 0 || n > 1) {
    // bytes(s, encoding, errors): PyUnicode_AsEncodedString, which is str.encode's path
    const e = encodingArgs(
      vm,
      Array.from(tupleItems(vm, args)),
      kwargs ? dictKwargs(vm, kwargs) : null,
      'source',
    );
    if (e === null) throw typeError(vm, 'bytes() takes at most 1 argument (%zd given)', n);
    if (!vm.typeOf(e.x).mro.includes(T.Str)) throw typeError(vm, 'encoding without a string argument');
    return STR_METHODS.encode.impl(vm, e.x, e.args, e.kw, 0);
  }
  if (n === 0) return vm.s.emptyBytes;
  return bytesOfOne(vm, tupleItem(vm, args, 0));
}

/**
 * PyObject_Bytes (int.from_bytes's argument): bytes as it is; `__bytes__`; then PyBytes_FromObject,
 * which takes buffers, lists, tuples and iterables of ints but neither an int nor a str.
 */
export function objectBytes(vm: Vm, a: number): number {
  const t = vm.table.type[a];
  if (t === T.Bytes) {
    vm.incref(a);
    return a;
  }
  if ((t === T.Int || t === T.Str) && lookupSpecialExists(vm, a) === false)
    throw typeError(vm, "cannot convert '%.200s' object to bytes", typeName(vm, a));
  return bytesOfOne(vm, a);
}

objectBytesHook.f = objectBytes;

function lookupSpecialExists(vm: Vm, a: number): boolean {
  const f = lookupSpecial(vm, a, '__bytes__');
  if (f === 0) return false;
  vm.decref(f);
  return true;
}

/** bytes(a) of one argument: `__bytes__`, then by the argument's kind. */
function bytesOfOne(vm: Vm, a: number): number {
  // __bytes__ first (_PyObject_LookupSpecial: a bound method made, called and released)
  const f = lookupSpecial(vm, a, '__bytes__');
  if (f !== 0) {
    let r: number;
    try {
      r = call(vm, f, [], null);
    } finally {
      vm.decref(f);
    }
    if (!(vm.typeOf(r).flags & TpFlags.BytesSubclass) && vm.table.type[r] !== T.Bytes) {
      const name = vm.typeOf(r).name;
      vm.decref(r);
      throw typeError(vm, '__bytes__ returned non-bytes (type %.200s)', name);
    }
    return r;
  }
  switch (vm.table.type[a]) {
    case T.Int: {
      const count = Number(intValue(vm, a));
      if (count < 0) throw valueError(vm, 'negative count');
      return bytesNew(vm, { fill: 0, length: count }, true);
    }
    case T.List:
    case T.Tuple: {
      let s = '';
      const items = vm.table.type[a] === T.List ? listSliceItems(vm, a, 0, vm.table.n[a]) : tupleItems(vm, a);
      for (const x of items) {
        // _PyBytes_FromList/_FromTuple: each item through PyNumber_AsSsize_t, range-checked
        if (!hasIndex(vm, x))
          throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", typeName(vm, x));
        const v = asSsize(vm, x, 0);
        if (v < 0 || v > 255) throw valueError(vm, 'bytes must be in range(0, 256)');
        s += String.fromCharCode(v);
      }
      return bytesNew(vm, s);
    }
    case T.Str:
      throw typeError(vm, 'string argument without an encoding');
    default:
      if (hasBuffer(vm, a) || isMemoryview(vm, a)) return bytesFromBuffer(vm, a);
      if (vm.typeOf(a).iter === undefined) throw new NotSupported(`bytes(${typeName(vm, a)})`);
      return bytesFromIterator(vm, a);
  }
}

/**
 * _PyBytes_FromBuffer (bytes(bytearray), bytes(array), bytes(memoryview)): the view taken, one
 * PyBytes_FromStringAndSize(NULL, len) (no 1-byte singleton: there is no char yet), the copy.
 */
function bytesFromBuffer(vm: Vm, a: number): number {
  const strided = isMemoryview(vm, a) ? memoryviewToBytes(vm, a) : null;
  if (strided !== null) return strided;
  const view = isMemoryview(vm, a) ? memoryviewBuffer(vm, a) : getBuffer(vm, a);
  try {
    const t = vm.table.type[view.obj];
    if ((t === T.ByteArray || t === T.Bytes) && view.offset === 0 && view.len === vm.table.n[view.obj]) {
      // the whole contents: copied as they are kept (a zero fill stays a fill, not a 100 MB string)
      const c = bytesContent(vm, view.obj);
      return bytesCopy(vm, contentCopy(c));
    }
    return bytesCopy(vm, bufferString(vm, view));
  } finally {
    if (!isMemoryview(vm, a)) releaseBuffer(vm, view);
  }
}

/**
 * PyBytes_FromObject's iterator path: the iterator first, then _PyBytes_FromIterator: the length
 * hint (64 by default) reserved in a _PyBytesWriter (its 512-byte stack buffer, else a bytes
 * object of that size); past what is allocated the writer grows to (i + 1) × 1.25; Finish cuts
 * the object to the bytes written.
 */
function bytesFromIterator(vm: Vm, x: number): number {
  const it = getIter(vm, x);
  const w = new BytesWriter(vm);
  try {
    w.alloc(lengthHint(vm, x, 64));
    w.overallocate = true;
    for (let i = 0; ; i++) {
      const item = iterNext(vm, it);
      if (item === 0) break;
      let value: number;
      try {
        value = asSsize(vm, item, 0);
      } finally {
        vm.decref(item);
      }
      if (value < 0 || value > 255) throw valueError(vm, 'bytes must be in range(0, 256)');
      if (i >= w.allocated) w.resize(i + 1);
      w.write(String.fromCharCode(value));
    }
    return w.finish();
  } catch (e) {
    w.dealloc();
    throw e;
  } finally {
    vm.decref(it); // PyBytes_FromObject lets go of the iterator after Finish
  }
}
