import { NotSupported } from '../python/errors';
import { contentBytes, writeContent, type ByteContent, type ByteStore } from '../python/objects/bytestore';
import type { Vm } from '../python/runtime/vm';
import type { DType } from './dtypes';
import type { Typed } from './values';

/** The dtypes whose elements frombuffer reads and writes as numbers (little-endian, as x86-64 stores them). */
const NUMERIC = new Set([
  'bool',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'float32',
  'float64',
]);

/** One element of dtype `d` at byte `o`. */
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

/** One element of dtype `d` written at byte `o` (the value already cast to the dtype). */
function writeScalar(v: DataView, o: number, d: DType, x: number): void {
  switch (d.name) {
    case 'float64':
      return v.setFloat64(o, x, true);
    case 'float32':
      return v.setFloat32(o, x, true);
    case 'int64':
      return v.setBigInt64(o, BigInt(Math.trunc(x)), true);
    case 'uint64':
      return v.setBigUint64(o, BigInt(Math.trunc(x)), true);
    case 'int32':
      return v.setInt32(o, x, true);
    case 'uint32':
      return v.setUint32(o, x, true);
    case 'int16':
      return v.setInt16(o, x, true);
    case 'uint16':
      return v.setUint16(o, x, true);
    case 'int8':
      return v.setInt8(o, x);
    default:
      return v.setUint8(o, x);
  }
}

/**
 * The element values of an array that lives in another object's memory (np.frombuffer of a
 * bytes or bytearray): NumPy reads and writes the exporter's bytes themselves, so a store into
 * the array changes the bytearray (and every other array on it) and a change made to the
 * bytearray from Python shows in the array. The simulator keeps the array's values as numbers
 * beside the exporter's byte content; this keeps the two equal: `pull` decodes the bytes again
 * when the content changed since the last look, `push` encodes written elements back into it.
 */
export class BufferBacking {
  private seen: ByteContent | null = null;
  private seenVersion = -1;

  constructor(
    private readonly vm: Vm,
    /** The bytes/bytearray whose content holds the elements. */
    readonly exporter: number,
    /** Byte offset of element 0 in the exporter's content. */
    private readonly offset: number,
    private readonly dtype: DType,
  ) {
    if (!NUMERIC.has(dtype.name)) throw new NotSupported(`np.frombuffer with dtype ${dtype.name}`);
  }

  private content(): ByteContent {
    return this.vm.table.side[this.exporter] as ByteContent;
  }

  private unchanged(c: ByteContent): boolean {
    return c === this.seen && (typeof c === 'string' || ((c as ByteStore).version ?? 0) === this.seenVersion);
  }

  private remember(c: ByteContent): void {
    this.seen = c;
    this.seenVersion = typeof c === 'string' ? -1 : ((c as ByteStore).version ?? 0);
  }

  /** The elements decoded from the exporter's bytes into `into`, when those bytes changed since. */
  pull(into: Typed): void {
    const c = this.content();
    if (this.unchanged(c)) return;
    const w = this.dtype.itemsize;
    const bytes = contentBytes(c, this.offset, this.offset + into.length * w);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < into.length; i++) into[i] = readScalar(view, i * w, this.dtype);
    this.remember(c);
  }

  /** Elements [lo, hi) of `from` written into the exporter's bytes (a store through the array). */
  push(from: Typed, lo: number, hi: number): void {
    if (hi <= lo) return;
    const w = this.dtype.itemsize;
    const bytes = new Uint8Array((hi - lo) * w);
    const view = new DataView(bytes.buffer);
    for (let i = lo; i < hi; i++) writeScalar(view, (i - lo) * w, this.dtype, from[i]);
    const t = this.vm.table;
    const before = t.side[this.exporter] as ByteContent;
    const inSync = this.unchanged(before);
    t.side[this.exporter] = writeContent(before, this.offset + lo * w, bytes);
    // what the typed array holds is the content now, unless someone else changed it since our pull
    if (inSync) this.remember(t.side[this.exporter] as ByteContent);
  }
}
