import { NotSupported, memoryError } from '../errors';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { asSsize, hasIndex } from '../abstract/number';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { TYPECODES, rawGet, rawSet, type ArrayState } from './arrayobject';
import {
  bufferByte,
  bufferBytes,
  bufferString,
  bufferWrite,
  getBuffer,
  hasBuffer,
  releaseBuffer,
  type BufferView,
} from './buffer';
import { bytesCopy } from './bytes';
import { hexText } from './bytesmethods';
import { E } from './exctypes';
import { fromDouble } from './float';
import { fromLong, fromSsize, intValue } from './int';
import { listNew, listPut } from './list';
import { moduleType } from './modtypes';
import { sliceIndices } from './slice';
import { strResult, strValue } from './str';
import { tupleFromItems, tupleItem } from './tuple';
import { Cmp, Meth, T, TpFlags, defineType, type MethodDef, type TypeSlots } from './types';

/**
 * memoryview (Objects/memoryobject.c, 3.11). memoryview(x) first makes a _PyManagedBuffer (a GC
 * object of 16 + 112 bytes holding the exporter's Py_buffer: a bytearray or array counts one export
 * and cannot be resized while it lasts), then the view: PyObject_GC_NewVar with 3·ndim shape /
 * strides / suboffsets words, 16 + 144 + 24 = 184 bytes for a 1-D view. Each slice, cast or
 * toreadonly is another 184-byte view on the same managed buffer; indexing and slicing copy
 * nothing. The exporter is let go when the last view is released or freed (mbuf_release).
 * Columns: ref = the managed buffer. The managed buffer's side data is its master view.
 */
const MBUF_BASIC = 112;
const MEMORYVIEW_BASIC = 144 + 3 * 8;

interface ManagedBuffer {
  master: BufferView;
  released: boolean;
  /** Views made on it and not yet released. */
  exports: number;
}

interface MemoryView {
  view: BufferView;
  released: boolean;
}

const mbufOf = (vm: Vm, mb: number): ManagedBuffer => vm.table.side[mb] as ManagedBuffer;
const mvOf = (vm: Vm, h: number): MemoryView => vm.table.side[h] as MemoryView;

/** mbuf_release: the exporter's buffer released and the reference to it dropped. */
function mbufRelease(vm: Vm, mb: number): void {
  const m = mbufOf(vm, mb);
  if (m.released) return;
  m.released = true;
  releaseBuffer(vm, m.master);
  vm.decref(m.master.obj);
}

const ManagedBufferType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'managedbuffer',
    basicsize: MBUF_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      mbufRelease(vm, h);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const m = mbufOf(vm, h);
      if (!m.released) visit(m.master.obj);
    },
  });

/** mbuf_add_view: a new 1-D view on the managed buffer (its export counted). */
function addView(vm: Vm, mb: number, view: BufferView): number {
  const h = vm.newGcObject(memoryviewType(vm).id, MEMORYVIEW_BASIC);
  vm.incref(mb);
  vm.table.ref[h] = mb;
  vm.table.side[h] = { view: { ...view }, released: false } satisfies MemoryView;
  mbufOf(vm, mb).exports++;
  vm.gc.track(h);
  return h;
}

/** PyMemoryView_FromObject: a view of a view shares its managed buffer; else one is made first. */
export function memoryviewFrom(vm: Vm, obj: number): number {
  if (isMemoryview(vm, obj)) return addView(vm, vm.table.ref[obj], live(vm, obj));
  if (!hasBuffer(vm, obj))
    throw typeError(vm, "memoryview: a bytes-like object is required, not '%.200s'", typeName(vm, obj));
  const mb = vm.newGcObject(moduleType(vm, ManagedBufferType).id, MBUF_BASIC);
  vm.table.side[mb] = { master: getBuffer(vm, obj), released: false, exports: 0 } satisfies ManagedBuffer;
  vm.incref(obj);
  vm.gc.track(mb);
  try {
    return addView(vm, mb, mbufOf(vm, mb).master);
  } finally {
    vm.decref(mb); // the view holds it now
  }
}

export const isMemoryview = (vm: Vm, h: number): boolean => vm.table.type[h] === memoryviewType(vm).id;

/** CHECK_RELEASED: the view, or ValueError once released. */
function live(vm: Vm, h: number): BufferView {
  const m = mvOf(vm, h);
  if (m.released || mbufOf(vm, vm.table.ref[h]).released)
    throw valueError(vm, 'operation forbidden on released memoryview object');
  return m.view;
}

/** A view's buffer for bytes(mv), bytearray(mv), b''.join (memory_getbuf: nothing allocated). */
export const memoryviewBuffer = (vm: Vm, h: number): BufferView => live(vm, h);

/** _memory_release: the view released; the exporter too when it was the last view. */
function release(vm: Vm, h: number): void {
  const m = mvOf(vm, h);
  if (m.released) return;
  m.released = true;
  const mb = vm.table.ref[h];
  if (--mbufOf(vm, mb).exports === 0) mbufRelease(vm, mb);
}

const scratch = new DataView(new ArrayBuffer(8));

/** Item i's value as its format reads it (unpack_single without the boxing). */
function rawItem(vm: Vm, v: BufferView, i: number): number | bigint {
  const at = v.offset + i * v.itemsize;
  if (v.format === 'B') return bufferByte(vm, v.obj, at);
  for (let k = 0; k < v.itemsize; k++) scratch.setUint8(k, bufferByte(vm, v.obj, at + k));
  return rawGet({ descr: TYPECODES[v.format], bytes: scratch } as ArrayState, 0);
}

/** unpack_single: item i of the view as its format makes it (small ints for 'B'). */
function item(vm: Vm, v: BufferView, i: number): number {
  if (v.format === 'B') return fromSsize(vm, rawItem(vm, v, i) as number);
  const x = rawItem(vm, v, i);
  if (v.format === 'd' || v.format === 'f') return fromDouble(vm, x as number);
  return fromLong(vm, typeof x === 'bigint' && x >= -(2n ** 53n) && x <= 2n ** 53n ? Number(x) : x);
}

function indexOf(vm: Vm, v: BufferView, key: number): number {
  const n = v.len / v.itemsize;
  let i = asSsize(vm, key, E.IndexError);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw raiseString(vm, E.IndexError, 'index out of bounds on dimension 1');
  return i;
}

/** memory_subscript: an index unpacks one item; a slice is a new view on the same buffer. */
function subscript(vm: Vm, h: number, key: number): number {
  const v = live(vm, h);
  if (vm.table.type[key] === T.Slice) {
    const sl = sliceIndices(vm, key, v.len / v.itemsize);
    if (sl.step !== 1) throw new NotSupported('memoryview slices with a step');
    const out = addView(vm, vm.table.ref[h], v);
    const nv = mvOf(vm, out).view;
    nv.offset = v.offset + sl.start * v.itemsize;
    nv.len = sl.length * v.itemsize;
    return out;
  }
  if (!hasIndex(vm, key)) throw typeError(vm, 'memoryview: invalid slice key');
  return item(vm, v, indexOf(vm, v, key));
}

/**
 * memory_ass_sub: an index packs one item (pack_single: the format's range and type checked); a
 * slice, stepped or not, copies a buffer of the same format and length into the exporter's
 * memory (copy_single): bytearray, array.array, BytesIO views.
 */
function assSubscript(vm: Vm, h: number, key: number, value: number): void {
  const v = live(vm, h);
  if (v.readonly) throw typeError(vm, 'cannot modify read-only memory');
  if (value === 0) throw typeError(vm, 'cannot delete memory');
  if (vm.table.type[key] === T.Slice) {
    const sl = sliceIndices(vm, key, v.len / v.itemsize);
    const mv = isMemoryview(vm, value);
    if (!hasBuffer(vm, value) && !mv)
      throw typeError(vm, "a bytes-like object is required, not '%.200s'", typeName(vm, value));
    const src = mv ? live(vm, value) : getBuffer(vm, value);
    try {
      if (src.len / src.itemsize !== sl.length || src.format !== v.format || src.itemsize !== v.itemsize)
        throw valueError(vm, 'memoryview assignment: lvalue and rvalue have different structures');
      const bytes = bufferBytes(vm, src, 0, src.len);
      const size = v.itemsize;
      if (sl.step === 1) bufferWrite(vm, v, sl.start * size, bytes);
      else {
        // copy_single: a strided destination goes through a PyMem_Malloc'd bounce buffer
        const tmp = vm.mem.malloc(sl.length * size);
        if (tmp === 0 && sl.length * size > 0) throw memoryError();
        for (let k = 0; k < sl.length; k++)
          bufferWrite(vm, v, (sl.start + k * sl.step) * size, bytes.subarray(k * size, (k + 1) * size));
        vm.mem.free(tmp);
      }
    } finally {
      if (!mv) releaseBuffer(vm, src);
    }
    return;
  }
  if (!hasIndex(vm, key)) throw typeError(vm, 'memoryview: invalid slice key');
  const i = indexOf(vm, v, key);
  bufferWrite(vm, v, i * v.itemsize, packSingle(vm, v.format, value));
}

/** pack_single: one item's bytes in the view's format (little-endian: x86-64's native order). */
function packSingle(vm: Vm, format: string, value: number): Uint8Array {
  const descr = TYPECODES[format];
  if (descr === undefined || descr.kind === 'unicode')
    throw new NotSupported(`memoryview item assignment with format '${format}'`);
  const s = { descr, bytes: new DataView(new ArrayBuffer(8)) } as ArrayState;
  const invalid = (what: string): never => {
    throw (what === 'type' ? typeError : valueError)(
      vm,
      `memoryview: invalid ${what} for format '${format}'`,
    );
  };
  const t = vm.table.type[value];
  if (descr.kind === 'float') {
    if (t === T.Float) rawSet(s, 0, vm.table.num[value]);
    else if (hasIndex(vm, value)) rawSet(s, 0, Number(intValue(vm, value)));
    else invalid('type');
  } else {
    if (!hasIndex(vm, value)) invalid('type');
    const x = BigInt(t === T.Int || t === T.Bool ? intValue(vm, value) : asSsize(vm, value, 0));
    const bits = BigInt(descr.itemsize * 8);
    const [lo, hi] =
      descr.kind === 'uint' ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
    if (x < lo || x > hi) invalid('value');
    rawSet(s, 0, descr.itemsize === 8 ? x : Number(x));
  }
  return new Uint8Array(s.bytes.buffer, 0, descr.itemsize);
}

const m = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `memoryview.${name}`,
});

const METHODS: Record<string, MethodDef> = {
  tobytes: m('tobytes', Meth.Varargs | Meth.Keywords, (vm, h) =>
    bytesCopy(vm, bufferString(vm, live(vm, h))),
  ),
  tolist: m('tolist', Meth.NoArgs, (vm, h) => {
    // memory_tolist: PyList_New(n) first, then each item unpacked into its slot
    const v = live(vm, h);
    const n = v.len / v.itemsize;
    const l = listNew(vm, n);
    for (let i = 0; i < n; i++) listPut(vm, l, i, item(vm, v, i));
    return l;
  }),
  // memoryview_hex_impl: _Py_strhex of the view's bytes, bytes.hex's writer
  hex: m('hex', Meth.Fastcall | Meth.Keywords, (vm, h, args, kw) =>
    hexText(vm, bufferString(vm, live(vm, h)), args, kw),
  ),
  release: m('release', Meth.NoArgs, (vm, h) => {
    release(vm, h);
    return vm.s.None;
  }),
  __enter__: m('__enter__', Meth.NoArgs, (vm, h) => {
    live(vm, h);
    vm.incref(h);
    return h;
  }),
  __exit__: m('__exit__', Meth.Varargs, (vm, h) => {
    release(vm, h);
    return vm.s.None;
  }),
  cast: m('cast', Meth.Varargs | Meth.Keywords, (vm, h, args) => {
    const v = live(vm, h);
    const fmt = args.length ? strOf(vm, args[0]) : '';
    const code = TYPECODES[fmt];
    if (args.length !== 1 || (fmt !== 'B' && !code) || fmt === 'u')
      throw new NotSupported(`memoryview.cast(${args.length === 1 ? JSON.stringify(fmt) : '…'})`);
    // memory_cast: one side of a cast must be a byte format ('B', 'b', 'c')
    if (!BYTE_FORMATS.has(v.format) && !BYTE_FORMATS.has(fmt))
      throw typeError(vm, 'memoryview: cannot cast between two non-byte formats');
    const size = fmt === 'B' ? 1 : code.itemsize;
    if (v.len % size !== 0) throw typeError(vm, 'memoryview: length is not a multiple of itemsize');
    const out = addView(vm, vm.table.ref[h], v);
    Object.assign(mvOf(vm, out).view, { format: fmt, itemsize: size });
    return out;
  }),
  toreadonly: m('toreadonly', Meth.NoArgs, (vm, h) => {
    const out = addView(vm, vm.table.ref[h], live(vm, h));
    mvOf(vm, out).view.readonly = true;
    return out;
  }),
};

const BYTE_FORMATS = new Set(['B', 'b', 'c']);

function strOf(vm: Vm, h: number): string {
  if (vm.table.type[h] !== T.Str) throw typeError(vm, 'memoryview: format argument must be a string');
  return strValue(vm, h);
}

const get = (name: string, fn: (vm: Vm, v: BufferView, h: number) => number) => ({
  name,
  get: (vm: Vm, h: number) => fn(vm, live(vm, h), h),
});

const GETSET = {
  obj: get('obj', (vm, v) => {
    vm.incref(v.obj);
    return v.obj;
  }),
  nbytes: get('nbytes', (vm, v) => fromSsize(vm, v.len)),
  readonly: get('readonly', (vm, v) => vm.s.bool(v.readonly)),
  itemsize: get('itemsize', (vm, v) => fromSsize(vm, v.itemsize)),
  format: get('format', (vm, v) => strResult(vm, v.format)),
  ndim: get('ndim', (vm) => fromSsize(vm, 1)),
  shape: get('shape', (vm, v) => tupleOfOne(vm, v.len / v.itemsize)),
  strides: get('strides', (vm, v) => tupleOfOne(vm, v.itemsize)),
  // memory_suboffsets_get: a view of a plain buffer has none, an empty tuple
  suboffsets: get('suboffsets', (vm) => vm.s.emptyTuple),
  contiguous: get('contiguous', (vm) => vm.s.True),
  c_contiguous: get('c_contiguous', (vm) => vm.s.True),
  f_contiguous: get('f_contiguous', (vm) => vm.s.True),
};

/** A 1-tuple of an int (memory_shape_get's _IntTupleFromSsizet): the tuple takes the int's reference. */
function tupleOfOne(vm: Vm, n: number): number {
  return tupleFromItems(vm, [fromSsize(vm, n)]);
}

/**
 * memory_richcompare: == and != only. Equal when the other side exports a buffer (a bytes, a
 * bytearray, an array, another view) with as many items and each item unpacks equal: the same
 * bytes when the formats agree; a released view equals only itself.
 */
function memoryRichcompare(vm: Vm, v: number, w: number, op: Cmp): number {
  if (op !== Cmp.EQ && op !== Cmp.NE) return vm.s.NotImplemented;
  const equal = v === w || viewsEqual(vm, v, w);
  if (equal === null) return vm.s.NotImplemented;
  return vm.s.bool(equal === (op === Cmp.EQ));
}

function viewsEqual(vm: Vm, v: number, w: number): boolean | null {
  for (const h of [v, w])
    if (isMemoryview(vm, h) && (mvOf(vm, h).released || mbufOf(vm, vm.table.ref[h]).released)) return false;
  const views: BufferView[] = [];
  const taken: BufferView[] = [];
  try {
    for (const h of [v, w]) {
      if (isMemoryview(vm, h)) views.push(live(vm, h));
      else if (hasBuffer(vm, h)) {
        const b = getBuffer(vm, h);
        taken.push(b);
        views.push(b);
      } else return null;
    }
    const [a, b] = views;
    const n = a.len / a.itemsize;
    if (n !== b.len / b.itemsize) return false;
    if (a.format === b.format) return bufferString(vm, a) === bufferString(vm, b);
    for (let i = 0; i < n; i++) {
      const x = rawItem(vm, a, i);
      const y = rawItem(vm, b, i);
      // loose: a bigint and a number of the same value are equal items
      if (x != y) return false;
    }
    return true;
  } finally {
    for (const b of taken) releaseBuffer(vm, b);
  }
}

function MemoryviewType(_vm: Vm, id: number): TypeSlots {
  return defineType({
    id,
    name: 'memoryview',
    basicsize: MEMORYVIEW_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      release(vm, h);
      vm.decref(vm.table.ref[h]);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => visit(vm.table.ref[h]),
    sizeof: () => MEMORYVIEW_BASIC,
    reprText: (vm, h) => `<${mvOf(vm, h).released ? 'released ' : ''}memory at 0x${vm.id(h).toString(16)}>`,
    richcompare: memoryRichcompare,
    mapping: { length: (vm, h) => live(vm, h).len / live(vm, h).itemsize, subscript, assSubscript },
    sequence: { length: (vm, h) => live(vm, h).len / live(vm, h).itemsize },
    // memory_new (no vectorcall in 3.11: type_call packs the argument tuple first)
    new: (vm, _type, args, kwargs) => {
      const n = vm.table.n[args] + (kwargs ? vm.table.n[kwargs] : 0);
      if (n !== 1 || (kwargs && vm.table.n[kwargs] && vm.table.n[args]))
        throw typeError(vm, 'memoryview() takes exactly one argument (%zd given)', n);
      if (vm.table.n[args] === 0) throw new NotSupported('memoryview(object=...)');
      return memoryviewFrom(vm, tupleItem(vm, args, 0));
    },
    methods: METHODS,
    getset: GETSET,
  });
}

export const memoryviewType = (vm: Vm): TypeSlots => moduleType(vm, MemoryviewType);
