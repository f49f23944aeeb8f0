/** memoryview.cast and tobytes's order (Objects/memoryobject.c memoryview_cast_impl, cast_to_1D, cast_to_ND). */
import { NotSupported } from '../errors';
import { argParserInit } from '../abstract/argparser';
import { typeError, valueError } from '../abstract/errors';
import { asSsize } from '../abstract/number';
import { typeName } from '../abstract/object';
import type { Vm } from '../runtime/vm';
import { TYPECODES } from './arrayobject';
import { listItem } from './list';
import { strValue } from './str';
import { tupleItems } from './tuple';
import { T, type Kwargs } from './types';
import { cStrides, isContiguous, shapeLen } from './memoryshape';
import { bytesNew } from './bytes';

import { addView, live, mvOf } from './memoryview';

const BYTE_FORMATS = new Set(['B', 'b', 'c']);

export function strOf(vm: Vm, h: number): string {
  if (vm.table.type[h] !== T.Str) throw typeError(vm, 'memoryview: format argument must be a string');
  return strValue(vm, h);
}

/** memoryview_tobytes_impl's order: 'C' (or None), 'F' or 'A'. */
export function tobytesOrder(vm: Vm, args: readonly number[], kw: Kwargs | null): 'C' | 'F' | 'A' {
  // the clinic parser's first keyword call makes its keyword tuple (_PyArg_UnpackKeywords' parser_init)
  if (kw !== null && kw.size > 0) argParserInit(vm, 'tobytes', ['order']);
  const o = args[0] ?? kw?.get('order');
  if (o === undefined || o === vm.s.None) return 'C';
  const text = strOf(vm, o);
  if (text !== 'C' && text !== 'F' && text !== 'A') throw valueError(vm, "order must be 'C', 'F' or 'A'");
  return text;
}

/**
 * memoryview_cast_impl: a C-contiguous view cast to a native single-character format (cast_to_1D:
 * one side must be a byte format; PyUnicode_AsASCIIString makes a bytes object of the format for
 * the while), then to a shape (cast_to_ND: 1-D to n-D or back, C-contiguous strides). The new view
 * has room for the new shape's dimensions.
 */
export function castView(vm: Vm, h: number, args: readonly number[], kw: Kwargs | null): number {
  const v = live(vm, h);
  const sh = mvOf(vm, h);
  if (kw !== null && kw.size > 0) argParserInit(vm, 'cast', ['format', 'shape']);
  const fmtObj = args[0] ?? kw?.get('format');
  const shapeObj = args[1] ?? kw?.get('shape');
  if (fmtObj === undefined) throw typeError(vm, "cast() missing required argument 'format' (pos 1)");
  if (vm.table.type[fmtObj] !== T.Str)
    throw typeError(vm, "cast() argument 'format' must be str, not %.50s", typeName(vm, fmtObj));
  if (!isContiguous(sh, v.itemsize, v.len, 'C'))
    throw typeError(vm, 'memoryview: casts are restricted to C-contiguous views');
  let shape: number[] | null = null;
  if (shapeObj !== undefined) {
    const t = vm.table.type[shapeObj];
    if (t !== T.List && t !== T.Tuple) throw typeError(vm, 'shape must be a list or a tuple');
    const items =
      t === T.Tuple
        ? Array.from(tupleItems(vm, shapeObj))
        : Array.from({ length: vm.table.n[shapeObj] }, (_, i) => listItem(vm, shapeObj, i));
    if ((shapeObj !== undefined || sh.shape.length !== 1) && sh.shape.includes(0))
      throw typeError(vm, 'memoryview: cannot cast view with zeros in shape or strides');
    if (items.length > 64) throw valueError(vm, 'memoryview: number of dimensions must not exceed 64');
    if (sh.shape.length !== 1 && items.length !== 1)
      throw typeError(vm, 'memoryview: cast must be 1D -> ND or ND -> 1D');
    if (items.length === 0) throw new NotSupported('memoryview.cast to a 0-dimensional view');
    shape = items.map((x) => {
      if (vm.table.type[x] !== T.Int && vm.table.type[x] !== T.Bool)
        throw typeError(vm, 'memoryview.cast(): elements of shape must be integers');
      const n = asSsize(vm, x, 0);
      if (n <= 0) throw valueError(vm, 'memoryview.cast(): elements of shape must be integers > 0');
      return n;
    });
  } else if (sh.shape.length !== 1 && sh.shape.includes(0))
    throw typeError(vm, 'memoryview: cannot cast view with zeros in shape or strides');
  const ndim = shape ? shape.length : 1;
  const out = addView(vm, vm.table.ref[h], v, { shape: new Array<number>(ndim).fill(0), strides: [] });
  try {
    const text = strValue(vm, fmtObj);
    // PyUnicode_AsASCIIString: a bytes copy of the format (one character: the cached singleton)
    if ([...text].some((ch) => ch.charCodeAt(0) > 127))
      throw new NotSupported('memoryview.cast() of a non-ASCII format');
    const ascii = bytesNew(vm, text);
    try {
      const fmt = text.startsWith('@') ? text.slice(1) : text;
      const size = fmt.length === 1 ? (BYTE_FORMATS.has(fmt) ? 1 : TYPECODES[fmt]?.itemsize) : undefined;
      if (size === undefined || fmt === 'u')
        throw valueError(
          vm,
          "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        );
      if (!BYTE_FORMATS.has(v.format) && !BYTE_FORMATS.has(fmt))
        throw typeError(vm, 'memoryview: cannot cast between two non-byte formats');
      if (v.len % size !== 0) throw typeError(vm, 'memoryview: length is not a multiple of itemsize');
      if (fmt === 'c') throw new NotSupported("memoryview.cast('c')");
      const nv = mvOf(vm, out);
      Object.assign(nv.view, { format: fmt, itemsize: size });
      if (text !== fmt) nv.formatText = text;
      nv.shape = shape ?? [v.len / size];
      nv.strides = cStrides(nv.shape, size);
      if (shapeLen(nv.shape, size) !== v.len)
        throw typeError(vm, 'memoryview: product(shape) * itemsize != buffer size');
    } finally {
      vm.decref(ascii);
    }
  } catch (e) {
    vm.decref(out);
    throw e;
  }
  return out;
}
