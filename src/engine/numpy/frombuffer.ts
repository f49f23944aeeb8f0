import { valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { byteAt, byteLength, bytesContent } from '../python/objects/bytes';
import { T } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import { intArg, parseArgs, type Kw } from './args';
import type { Constructors } from './create';
import { FLOAT64, type DType } from './dtypes';

/**
 * array_frombuffer → PyArray_FromBuffer: a view on the object's buffer (no copy, no data
 * allocation): an array object with `base` the bytes/bytearray, which it keeps alive; read-only
 * for an immutable bytes object.
 */
export function frombuffer(C: Constructors, args: number[], kw: Kw): number {
  const vm = C.arrays.vm;
  const A = C.arrays;
  const [bufH, dt, countH, offsetH] = parseArgs(
    C.arrays.vm,
    'frombuffer',
    ['buffer', 'dtype', 'count', 'offset', 'like'],
    1,
    args,
    kw,
  );
  const buf = bufH!;
  const t = vm.table.type[buf];
  if (t !== T.Bytes && t !== T.ByteArray) throw new NotSupported(`np.frombuffer of a ${vm.typeOf(buf).name}`);
  const dtype = C.dtypes.convert(dt, FLOAT64);
  const total = byteLength(bytesContent(vm, buf));
  const offset = offsetH === undefined ? 0 : intArg(vm, offsetH, 'offset');
  if (offset < 0 || offset > total)
    throw valueError(vm, 'offset must be non-negative and no greater than buffer length (%zd)', total);
  let count = countH === undefined ? -1 : intArg(vm, countH, 'count');
  const avail = total - offset;
  if (count < 0) {
    if (avail % dtype.itemsize !== 0) throw valueError(vm, 'buffer size must be a multiple of element size');
    count = avail / dtype.itemsize;
  } else if (avail < count * dtype.itemsize) throw valueError(vm, 'buffer is smaller than requested size');
  const data = (t === T.ByteArray ? vm.table.ptr[buf] + vm.table.num[buf] : vm.table.addr[buf] + 32) + offset;
  const r = A.newArray(dtype, [count], { view: { data, base: buf } });
  const s = A.slot(r);
  if (t === T.ByteArray) A.t.flags[s] |= 2; // NPY_ARRAY_WRITEABLE: a bytearray's buffer is writable
  const arr = A.values.setData(s, count);
  if (arr) {
    const bytes = bufferBytes(vm, buf, offset, count * dtype.itemsize);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < count; i++) arr[i] = readScalar(view, i * dtype.itemsize, dtype);
  }
  return r;
}

/** The bytes of a bytes/bytearray object, copied out of the simulator's content. */
function bufferBytes(vm: Vm, h: number, offset: number, n: number): Uint8Array {
  const c = bytesContent(vm, h);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = byteAt(c, offset + i) & 0xff;
  return out;
}

/** One element of dtype `d` at byte `o` (little-endian, as x86-64 stores it). */
export function readScalar(v: DataView, o: number, d: DType): number {
  switch (d.name) {
    case 'float64':
      return v.getFloat64(o, true);
    case 'float32':
      return v.getFloat32(o, true);
    case 'int64':
      return Number(v.getBigInt64(o, true));
    case 'uint64':
      return Number(v.getBigUint64(o, true));
    case 'int32':
      return v.getInt32(o, true);
    case 'uint32':
      return v.getUint32(o, true);
    case 'int16':
      return v.getInt16(o, true);
    case 'uint16':
      return v.getUint16(o, true);
    case 'int8':
      return v.getInt8(o);
    default:
      return v.getUint8(o);
  }
}
