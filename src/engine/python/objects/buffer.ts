import { raiseString } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { arrayState, type ArrayState } from './arrayobject';
import { ArrayType } from './arraytype';
import { isModuleInstance } from './modtypes';
import { byteAt, latin1Text, type ByteContent } from './bytes';
import { bytearrayWrite } from './bytearray';
import { readBytes } from './bytesread';
import { contentBytes } from './bytestore';
import { NotSupported } from '../errors';
import { E, exc } from './exctypes';
import { T } from './types';

/**
 * The buffer protocol (Py_buffer, PyObject_GetBuffer / PyBuffer_Release) for the exporters the
 * simulator has: bytes (read-only, nothing counted), bytearray and array.array (ob_exports: while a
 * view lives the object cannot be resized: "Existing exports of data: object cannot be re-sized").
 * A view is an exporter, a byte offset and a length; its bytes are read from the exporter's content.
 */
export interface BufferView {
  obj: number;
  offset: number;
  len: number;
  itemsize: number;
  format: string;
  readonly: boolean;
}

const exportsByVm = new WeakMap<Vm, Map<number, number>>();
const exportCounts = (vm: Vm): Map<number, number> => {
  let m = exportsByVm.get(vm);
  if (!m) exportsByVm.set(vm, (m = new Map()));
  return m;
};

/** bytearray's ob_exports. */
export const bytearrayExports = (vm: Vm, h: number): number => exportCounts(vm).get(h) ?? 0;

/**
 * An exporter of another layer's making (io.BytesIO's _BytesIOBuffer): its bf_getbuffer /
 * bf_releasebuffer and where its bytes are, by type id.
 */
export interface BufferExporter {
  get(vm: Vm, h: number): BufferView;
  release(vm: Vm, view: BufferView): void;
  byte(vm: Vm, h: number, i: number): number;
  /** A memcpy into its memory at byte offset `at` (absent: a read-only exporter to us). */
  write?(vm: Vm, h: number, at: number, bytes: Uint8Array): void;
}
const exportersByVm = new WeakMap<Vm, Map<number, BufferExporter>>();
const exporterOf = (vm: Vm, h: number): BufferExporter | undefined =>
  exportersByVm.get(vm)?.get(vm.table.type[h]);

export function registerBufferExporter(vm: Vm, typeId: number, e: BufferExporter): void {
  let m = exportersByVm.get(vm);
  if (!m) exportersByVm.set(vm, (m = new Map()));
  m.set(typeId, e);
}

/** Does `h` export a buffer (PyObject_CheckBuffer)? */
export function hasBuffer(vm: Vm, h: number): boolean {
  const t = vm.table.type[h];
  return t === T.Bytes || t === T.ByteArray || isArray(vm, h) || exporterOf(vm, h) !== undefined;
}

const isArray = (vm: Vm, h: number): boolean => isModuleInstance(vm, h, ArrayType);

/** PyObject_GetBuffer: the whole object, its export counted (bytearray_getbuffer, array_buffer_getbuf). */
export function getBuffer(vm: Vm, h: number): BufferView {
  const t = vm.table.type[h];
  if (t === T.Bytes)
    return { obj: h, offset: 0, len: vm.table.n[h], itemsize: 1, format: 'B', readonly: true };
  if (t === T.ByteArray) {
    const m = exportCounts(vm);
    m.set(h, (m.get(h) ?? 0) + 1);
    return { obj: h, offset: 0, len: vm.table.n[h], itemsize: 1, format: 'B', readonly: false };
  }
  const e = exporterOf(vm, h);
  if (e) return e.get(vm, h);
  const s = arrayState(vm, h);
  s.exports++;
  const size = s.descr.itemsize;
  return {
    obj: h,
    offset: 0,
    len: vm.table.n[h] * size,
    itemsize: size,
    format: s.descr.code,
    readonly: false,
  };
}

/** PyBuffer_Release: the exporter's count back down. */
export function releaseBuffer(vm: Vm, view: BufferView): void {
  const h = view.obj;
  if (vm.table.type[h] === T.ByteArray) {
    const m = exportCounts(vm);
    const n = (m.get(h) ?? 1) - 1;
    if (n > 0) m.set(h, n);
    else m.delete(h);
  } else if (isArray(vm, h)) arrayState(vm, h).exports--;
  else exporterOf(vm, h)?.release(vm, view);
}

/** _canresize: a bytearray with live views refuses to change size. */
export function checkResizable(vm: Vm, h: number): void {
  if (bytearrayExports(vm, h) > 0)
    throw raiseString(vm, exc('BufferError'), 'Existing exports of data: object cannot be re-sized');
}

/** The byte at offset `i` of the exporter's memory. */
export function bufferByte(vm: Vm, obj: number, i: number): number {
  const t = vm.table.type[obj];
  if (t === T.Bytes || t === T.ByteArray) {
    readBytes(vm, obj, i, 1); // a read of one item (memoryview's unpack): its page faults in
    return byteAt(vm.table.side[obj] as ByteContent, i);
  }
  const e = exporterOf(vm, obj);
  if (e) return e.byte(vm, obj, i);
  return (vm.table.side[obj] as ArrayState).bytes.getUint8(i);
}

/** The view's bytes as a latin-1 string (PyBuffer_ToContiguous). */
export function bufferString(vm: Vm, v: BufferView): string {
  return latin1Text(bufferBytes(vm, v, 0, v.len));
}

/** A copy of the view's bytes [lo, hi) (offsets within the view). */
export function bufferBytes(vm: Vm, v: BufferView, lo: number, hi: number): Uint8Array {
  const t = vm.table.type[v.obj];
  if (t === T.Bytes || t === T.ByteArray) {
    readBytes(vm, v.obj, v.offset + lo, hi - lo); // PyBuffer_ToContiguous's memcpy reads them
    return contentBytes(vm.table.side[v.obj] as ByteContent, v.offset + lo, v.offset + hi);
  }
  const out = new Uint8Array(Math.max(0, hi - lo));
  for (let i = lo; i < hi; i++) out[i - lo] = bufferByte(vm, v.obj, v.offset + i);
  return out;
}

/**
 * PyObject_GetBuffer(h, PyBUF_WRITABLE) as getargs' "w*" asks for it (pack_into, readinto): bytes
 * and read-only views refuse with the converter's TypeError.
 */
export function getWritableBuffer(vm: Vm, h: number, view: BufferView | null, fname = ''): BufferView {
  const ro = view ? view.readonly : vm.table.type[h] === T.Bytes;
  if (ro || (!view && !hasBuffer(vm, h)))
    throw raiseString(vm, E.TypeError, `${fname ? fname + '() ' : ''}argument must be read-write bytes-like object, not ${vm.typeOf(h).name}`);
  return view ?? getBuffer(vm, h);
}

/** A memcpy of `bytes` into the view's memory at byte `at` (the caller checked the range). */
export function bufferWrite(vm: Vm, v: BufferView, at: number, bytes: Uint8Array): void {
  const t = vm.table.type[v.obj];
  const where = v.offset + at;
  if (t === T.ByteArray) return bytearrayWrite(vm, v.obj, where, bytes);
  const e = exporterOf(vm, v.obj);
  if (e) {
    if (!e.write) throw new NotSupported(`writing into a ${vm.typeOf(v.obj).name} buffer`);
    return e.write(vm, v.obj, where, bytes);
  }
  if (!isArray(vm, v.obj)) throw new NotSupported(`writing into a ${vm.typeOf(v.obj).name} buffer`);
  const s = arrayState(vm, v.obj);
  for (let k = 0; k < bytes.length; k++) s.bytes.setUint8(where + k, bytes[k]);
  if (bytes.length && s.addr) vm.mem.touch(s.addr + where, bytes.length);
}
