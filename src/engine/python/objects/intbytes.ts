import { raiseString, typeError, valueError } from '../abstract/errors';
import { readAllBytes } from './bytesread';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { byteAt, bytesNew, latin1Text, type ByteContent } from './bytes';
import { E } from './exctypes';
import { unpackKeywords } from './getargs';
import { intValue, longNew, norm } from './int';
import { objectBytesHook } from './objectbytes';
import { strValue } from './str';
import { Meth, T, type MethodDef } from './types';

/**
 * int.from_bytes and int.to_bytes (Objects/longobject.c, 3.11: byteorder defaults to 'big').
 * from_bytes is _PyLong_FromByteArray: a long of ⌈significant bits / 30⌉ digits is allocated first
 * (then given back if the value is a cached small int); to_bytes makes the bytes object first
 * (PyBytes_FromStringAndSize) and fills it from the digits.
 */
function byteorder(vm: Vm, h: number): 'big' | 'little' {
  if (h === 0) return 'big';
  if (vm.table.type[h] !== T.Str) throw typeError(vm, "to_bytes() argument 'byteorder' must be str");
  const s = strValue(vm, h);
  if (s !== 'big' && s !== 'little') throw valueError(vm, "byteorder must be either 'little' or 'big'");
  return s;
}

function fromBytes(vm: Vm, cls: number, a: readonly number[], kw: Map<string, number> | null): number {
  const [data, order, signed] = unpackKeywords(
    vm,
    'from_bytes',
    a,
    kw,
    ['bytes', 'byteorder', 'signed'],
    1,
    2,
  );
  if (vm.slotsOf(cls).id !== T.Int) throw new NotSupported('int.from_bytes on a subclass of int');
  const t = vm.table.type[data];
  // int_from_bytes_impl: PyObject_Bytes first (a bytes object made from a bytearray, a list, or an
  // iterable such as ipaddress's map of octets), released after the conversion
  if (t !== T.Bytes) {
    const objectBytes = objectBytesHook.f;
    if (objectBytes === null) throw new NotSupported('int.from_bytes of anything but bytes');
    const b = objectBytes(vm, data);
    try {
      return fromBytesObject(vm, b, order, signed);
    } finally {
      vm.decref(b);
    }
  }
  return fromBytesObject(vm, data, order, signed);
}

function fromBytesObject(vm: Vm, data: number, order: number, signed: number): number {
  const content = vm.table.side[data] as ByteContent;
  const n = vm.table.n[data];
  const big = byteorder(vm, order) === 'big';
  readAllBytes(vm, data); // _PyLong_FromByteArray reads every byte
  let v = 0n;
  for (let i = 0; i < n; i++) v = (v << 8n) | BigInt(byteAt(content, big ? i : n - 1 - i));
  const isSigned = signed !== 0 && signed !== vm.s.False && signed !== vm.s.None;
  if (isSigned && n > 0 && v >= 1n << BigInt(8 * n - 1)) v -= 1n << BigInt(8 * n);
  // numsignificantbytes: the bytes past the sign's extension
  let significant = n;
  const pad = v < 0n ? 0xff : 0;
  for (let i = 0; i < n && significant > 0; i++) {
    if (byteAt(content, big ? i : n - 1 - i) !== pad) break;
    significant--;
  }
  if (significant === 0) return vm.s.smallInt(v < 0n ? -1 : 0);
  const h = longNew(vm, norm(v), Math.floor((significant * 8 + 29) / 30));
  if (v >= -5n && v <= 256n) {
    vm.decref(h);
    return vm.s.smallInt(Number(v));
  }
  return h;
}

function toBytes(vm: Vm, self: number, a: readonly number[], kw: Map<string, number> | null): number {
  const [lengthObj, order, signed] = unpackKeywords(
    vm,
    'to_bytes',
    a,
    kw,
    ['length', 'byteorder', 'signed'],
    0,
    2,
  );
  const length = lengthObj === 0 ? 1 : Number(intValue(vm, lengthObj));
  if (length < 0) throw valueError(vm, 'length argument must be non-negative');
  const big = byteorder(vm, order) === 'big';
  const isSigned = signed !== 0 && signed !== vm.s.False && signed !== vm.s.None;
  let v = BigInt(intValue(vm, self));
  if (v < 0n && !isSigned) throw raiseString(vm, E.OverflowError, "can't convert negative int to unsigned");
  const limit = 1n << BigInt(8 * length - (isSigned ? 1 : 0));
  if (v >= limit || (isSigned && v < -limit) || (length === 0 && v !== 0n))
    throw raiseString(vm, E.OverflowError, 'int too big to convert');
  if (v < 0n) v += 1n << BigInt(8 * length);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[big ? length - 1 - i : i] = Number(v & 0xffn);
    v >>= 8n;
  }
  // latin1Text: one fromCharCode(...) over every byte overran the JS stack past ~100 KB
  return bytesNew(vm, latin1Text(out));
}

export const INT_BYTES_METHODS: Record<string, MethodDef> = {
  from_bytes: {
    name: 'from_bytes',
    flags: Meth.Class | Meth.Fastcall | Meth.Keywords,
    qualname: 'int.from_bytes',
    impl: (vm, cls, a, kw) => fromBytes(vm, cls, a, kw),
  },
  to_bytes: {
    name: 'to_bytes',
    flags: Meth.Fastcall | Meth.Keywords,
    qualname: 'int.to_bytes',
    impl: (vm, self, a, kw) => toBytes(vm, self, a, kw),
  },
};
