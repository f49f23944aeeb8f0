import { raiseString } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { arrayState, type ArrayState } from './arrayobject';
import { ArrayType } from './arraytype';
import { isModuleInstance } from './modtypes';
import { byteAt, type ByteContent } from './bytes';
import { exc } from './exctypes';
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
  if (t === T.Bytes || t === T.ByteArray) return byteAt(vm.table.side[obj] as ByteContent, i);
  const e = exporterOf(vm, obj);
  if (e) return e.byte(vm, obj, i);
  return (vm.table.side[obj] as ArrayState).bytes.getUint8(i);
}

/** The view's bytes as a latin-1 string (PyBuffer_ToContiguous). */
export function bufferString(vm: Vm, v: BufferView): string {
  let s = '';
  for (let i = 0; i < v.len; i++) s += String.fromCharCode(bufferByte(vm, v.obj, v.offset + i));
  return s;
}
