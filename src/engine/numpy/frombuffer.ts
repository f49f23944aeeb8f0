import { valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { byteLength, bytesContent } from '../python/objects/bytes';
import { memoryviewFrom } from '../python/objects/memoryview';
import { T } from '../python/objects/types';
import { intArg, parseArgs, type Kw } from './args';
import type { Constructors } from './create';
import { BufferBacking } from './bufferBacking';
import { FLOAT64 } from './dtypes';

/**
 * array_frombuffer → PyArray_FromBuffer (NumPy 1.24): an exporter with a bf_releasebuffer (a
 * bytearray) is first wrapped in a memoryview (PyMemoryView_FromObject: a managed buffer and a
 * view, which hold the bytearray's export, so it cannot be resized while the array lives: "Existing
 * exports of data"), and that memoryview is the array's base; a bytes object is the base itself.
 * The buffer is asked for writable, then read-only (a bytes object: the array is read-only). No
 * copy and no data allocation: the array's elements are the exporter's bytes (bufferBacking.ts).
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
  const backing = new BufferBacking(vm, buf, offset, dtype);
  const data = (t === T.ByteArray ? vm.table.ptr[buf] + vm.table.num[buf] : vm.table.addr[buf] + 32) + offset;
  const base = t === T.ByteArray ? memoryviewFrom(vm, buf) : buf;
  let r: number;
  try {
    r = A.newArray(dtype, [count], { view: { data, base } });
  } finally {
    if (base !== buf) vm.decref(base); // the array holds it now
  }
  const s = A.slot(r);
  if (t === T.ByteArray) A.t.flags[s] |= 2; // NPY_ARRAY_WRITEABLE: a bytearray's buffer is writable
  A.values.setBacked(s, count, backing);
  return r;
}
