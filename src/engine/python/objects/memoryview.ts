import { NotSupported } from '../errors';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { bufferString, getBuffer, hasBuffer, releaseBuffer, type BufferView } from './buffer';
import { bytesCopy } from './bytes';
import { hexText } from './bytesmethods';
import { fromSsize } from './int';
import { listNew, listPut } from './list';
import { moduleType } from './modtypes';
import { strResult } from './str';
import { tupleFromItems, tupleItem } from './tuple';
import { assSubscript, item, memoryRichcompare, subscript } from './memoryitems';
import { castView, tobytesOrder } from './memorycast';
import { Meth, TpFlags, defineType, type MethodDef, type TypeSlots } from './types';
import { gatherBytes, isContiguous, toContiguousAllocations, viewSize, type ViewShape } from './memoryshape';
import { latin1Text } from './bytes';
import { exc } from './exctypes';

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
const MEMORYVIEW_BASIC = viewSize(1);

interface ManagedBuffer {
  master: BufferView;
  released: boolean;
  /** Views made on it and not yet released. */
  exports: number;
}

interface MemoryView extends ViewShape {
  view: BufferView;
  released: boolean;
  /** The format as cast() was given it when it differs from the item code ('@i'). */
  formatText?: string;
}

export const mbufOf = (vm: Vm, mb: number): ManagedBuffer => vm.table.side[mb] as ManagedBuffer;
export const mvOf = (vm: Vm, h: number): MemoryView => vm.table.side[h] as MemoryView;

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

/** mbuf_add_view: a new view on the managed buffer with its own copy of the shape (its export counted). */
export function addView(vm: Vm, mb: number, view: BufferView, shape: ViewShape): number {
  const h = vm.newGcObject(memoryviewType(vm).id, viewSize(shape.shape.length));
  vm.incref(mb);
  vm.table.ref[h] = mb;
  vm.table.side[h] = {
    view: { ...view },
    released: false,
    shape: [...shape.shape],
    strides: [...shape.strides],
    formatText: (shape as Partial<MemoryView>).formatText,
  } satisfies MemoryView;
  mbufOf(vm, mb).exports++;
  vm.gc.track(h);
  return h;
}

/** PyMemoryView_FromObject: a view of a view shares its managed buffer; else one is made first. */
export function memoryviewFrom(vm: Vm, obj: number): number {
  if (isMemoryview(vm, obj)) return addView(vm, vm.table.ref[obj], live(vm, obj), mvOf(vm, obj));
  if (!hasBuffer(vm, obj))
    throw typeError(vm, "memoryview: a bytes-like object is required, not '%.200s'", typeName(vm, obj));
  const mb = vm.newGcObject(moduleType(vm, ManagedBufferType).id, MBUF_BASIC);
  vm.table.side[mb] = { master: getBuffer(vm, obj), released: false, exports: 0 } satisfies ManagedBuffer;
  vm.incref(obj);
  vm.gc.track(mb);
  try {
    const master = mbufOf(vm, mb).master;
    return addView(vm, mb, master, { shape: [master.len / master.itemsize], strides: [master.itemsize] });
  } finally {
    vm.decref(mb); // the view holds it now
  }
}

export const isMemoryview = (vm: Vm, h: number): boolean => vm.table.type[h] === memoryviewType(vm).id;

/** CHECK_RELEASED: the view, or ValueError once released. */
export function live(vm: Vm, h: number): BufferView {
  const m = mvOf(vm, h);
  if (m.released || mbufOf(vm, vm.table.ref[h]).released)
    throw valueError(vm, 'operation forbidden on released memoryview object');
  return m.view;
}

/**
 * A view's buffer as a PyBUF_SIMPLE request gets it (struct.unpack_from, binascii, ctypes;
 * memory_getbuf: nothing allocated): refused for a view that is not C-contiguous.
 */
/**
 * bytes(view) of a view that is not C-contiguous (_PyBytes_FromBuffer with PyBUF_FULL_RO): the
 * bytes object, then PyBuffer_ToContiguous's copy in C order; null for a contiguous view.
 */
export function memoryviewToBytes(vm: Vm, h: number): number | null {
  const v = live(vm, h);
  const sh = mvOf(vm, h);
  if (isContiguous(sh, v.itemsize, v.len, 'C')) return null;
  const out = bytesCopy(vm, latin1Text(gatherBytes(vm, v, sh)));
  toContiguousAllocations(vm, sh, v.itemsize);
  return out;
}

/**
 * A view as a PyBUF_FULL_RO request gets it (bytearray(view)): its buffer, and its bytes in C order
 * as PyBuffer_ToContiguous copies them (with that copy's blocks when the view is strided).
 */
export function memoryviewFull(vm: Vm, h: number): { view: BufferView; text: () => string } {
  const v = live(vm, h);
  const sh = mvOf(vm, h);
  if (isContiguous(sh, v.itemsize, v.len, 'C')) return { view: v, text: () => bufferString(vm, v) };
  return {
    view: v,
    text: () => {
      const t = latin1Text(gatherBytes(vm, v, sh));
      toContiguousAllocations(vm, sh, v.itemsize);
      return t;
    },
  };
}

export function memoryviewBuffer(vm: Vm, h: number): BufferView {
  const v = live(vm, h);
  if (!isContiguous(mvOf(vm, h), v.itemsize, v.len, 'C'))
    throw raiseString(vm, exc('BufferError'), 'memoryview: underlying buffer is not C-contiguous');
  return v;
}

/** _memory_release: the view released; the exporter too when it was the last view. */
function release(vm: Vm, h: number): void {
  const m = mvOf(vm, h);
  if (m.released) return;
  m.released = true;
  const mb = vm.table.ref[h];
  if (--mbufOf(vm, mb).exports === 0) mbufRelease(vm, mb);
}

const m = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `memoryview.${name}`,
});

const METHODS: Record<string, MethodDef> = {
  tobytes: m('tobytes', Meth.Fastcall | Meth.Keywords, (vm, h, args, kw) => {
    const v = live(vm, h);
    const sh = mvOf(vm, h);
    const asked = tobytesOrder(vm, args, kw);
    // 'A': the memory as it lies when the view is contiguous in either order, else C order
    const cont = (o: 'C' | 'F'): boolean => isContiguous(sh, v.itemsize, v.len, o);
    const order = asked === 'A' ? (cont('C') || !cont('F') ? 'C' : 'F') : asked;
    // memoryview_tobytes_impl: the bytes object first, then PyBuffer_ToContiguous into it
    const out = bytesCopy(vm, latin1Text(gatherBytes(vm, v, sh, order)));
    if (!(asked === 'A' ? cont('C') || cont('F') : cont(order)))
      toContiguousAllocations(vm, sh, v.itemsize, order);
    return out;
  }),
  tolist: m('tolist', Meth.NoArgs, (vm, h) => {
    // memoryview_tolist_impl / tolist_rec: PyList_New(shape[0]) per row, then each item unpacked into its slot
    const v = live(vm, h);
    const sh = mvOf(vm, h);
    const rec = (dim: number, at: number): number => {
      const n = sh.shape[dim];
      const l = listNew(vm, n);
      for (let i = 0; i < n; i++) {
        const off = at + i * sh.strides[dim];
        listPut(vm, l, i, dim === sh.shape.length - 1 ? item(vm, v, off) : rec(dim + 1, off));
      }
      return l;
    };
    return rec(0, 0);
  }),
  // memoryview_hex_impl: _Py_strhex of the view's bytes; a view that is not C-contiguous is first
  // copied into a bytes object (PyBuffer_ToContiguous), released after
  hex: m('hex', Meth.Fastcall | Meth.Keywords, (vm, h, args, kw) => {
    const v = live(vm, h);
    const sh = mvOf(vm, h);
    if (isContiguous(sh, v.itemsize, v.len, 'C')) return hexText(vm, bufferString(vm, v), args, kw);
    const text = latin1Text(gatherBytes(vm, v, sh));
    const tmp = bytesCopy(vm, text);
    try {
      toContiguousAllocations(vm, sh, v.itemsize);
      return hexText(vm, text, args, kw);
    } finally {
      vm.decref(tmp);
    }
  }),
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
  cast: m('cast', Meth.Fastcall | Meth.Keywords, (vm, h, args, kw) => castView(vm, h, args, kw)),
  toreadonly: m('toreadonly', Meth.NoArgs, (vm, h) => {
    const out = addView(vm, vm.table.ref[h], live(vm, h), mvOf(vm, h));
    mvOf(vm, out).view.readonly = true;
    return out;
  }),
};

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
  format: get('format', (vm, v, h) => strResult(vm, mvOf(vm, h).formatText ?? v.format)),
  ndim: get('ndim', (vm, _v, h) => fromSsize(vm, mvOf(vm, h).shape.length)),
  shape: get('shape', (vm, _v, h) => intTuple(vm, mvOf(vm, h).shape)),
  strides: get('strides', (vm, _v, h) => intTuple(vm, mvOf(vm, h).strides)),
  // memory_suboffsets_get: a view of a plain buffer has none, an empty tuple
  suboffsets: get('suboffsets', (vm) => vm.s.emptyTuple),
  contiguous: get('contiguous', (vm, v, h) =>
    vm.s.bool(
      isContiguous(mvOf(vm, h), v.itemsize, v.len, 'C') || isContiguous(mvOf(vm, h), v.itemsize, v.len, 'F'),
    ),
  ),
  c_contiguous: get('c_contiguous', (vm, v, h) =>
    vm.s.bool(isContiguous(mvOf(vm, h), v.itemsize, v.len, 'C')),
  ),
  f_contiguous: get('f_contiguous', (vm, v, h) =>
    vm.s.bool(isContiguous(mvOf(vm, h), v.itemsize, v.len, 'F')),
  ),
};

/** _IntTupleFromSsizet (memory_shape_get, memory_strides_get): the ints made, the tuple takes their references. */
function intTuple(vm: Vm, xs: readonly number[]): number {
  return tupleFromItems(
    vm,
    xs.map((x) => fromSsize(vm, x)),
  );
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
    mapping: { length: (vm, h) => viewLength(vm, h), subscript, assSubscript },
    sequence: { length: (vm, h) => viewLength(vm, h) },
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

/** memory_length: the first dimension's extent. */
function viewLength(vm: Vm, h: number): number {
  live(vm, h);
  return mvOf(vm, h).shape[0];
}
