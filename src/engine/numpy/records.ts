import { typeError, valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { strNew, strValue } from '../python/objects/str';
import { readyStaticType } from '../python/objects/typeobject';
import { Meth, T, defineType, type TypeSlots } from '../python/objects/types';
import type { VoidIndexing } from './voidItems';
import type { Vm } from '../python/runtime/vm';
import { sequenceItems } from './args';
import { structuredDType, type DType, type RecordField } from './dtypes';
import type { Arrays } from './ndarray';
import { fieldFormatter, fieldText } from './print';
import { fieldsOf } from './recordRows';
export { structuredText } from './recordRows';

/**
 * Structured dtypes (NumPy 1.24's descriptor.c): `np.dtype([('id', 'i4'), ('score', 'f8')])`.
 * Without align=True the fields are packed one after another (_convert_from_list: each offset is
 * the running total, no padding: itemsize 12 here, 'score' at byte 4); an element's values are a
 * row id (recordRows.ts). `a['score']` is a view of the field (its dtype, the data pointer moved
 * by the field's offset, the array's own strides: (12,)), `a[3]` a np.void scalar that points into
 * the array and keeps it alive.
 */
export function structuredFromList(vm: Vm, list: number, convert: (h: number) => DType): DType {
  const items = sequenceItems(vm, list) ?? [];
  if (items.length === 0) throw new NotSupported('a structured dtype without fields');
  const fields: RecordField[] = [];
  let offset = 0;
  for (const it of items) {
    const parts = vm.table.type[it] === T.Tuple ? sequenceItems(vm, it)! : null;
    if (parts === null || parts.length < 2) throw typeError(vm, 'data type not understood');
    if (parts.length > 2) throw new NotSupported('a structured dtype field with a sub-array shape');
    if (vm.table.type[parts[0]] !== T.Str) throw new NotSupported('structured dtype field titles');
    const name = strValue(vm, parts[0]);
    if (fields.some((f) => f.name === name)) throw valueError(vm, `field '${name}' occurs more than once`);
    const dtype = convert(parts[1]);
    if (dtype.kind === 'O' || dtype.kind === 'V')
      throw new NotSupported(`a structured dtype with a field of dtype ${dtype.name}`);
    fields.push({ name: name === '' ? `f${fields.length}` : name, dtype, offset });
    offset += dtype.itemsize;
  }
  return structuredDType(fields, offset);
}

/**
 * np.void scalars of structured arrays (PyArray_Scalar for NPY_VOID with fields: the scalar
 * points into the array's memory and holds a reference to it). np.void's tp_basicsize is 64
 * (measured: `type(a[2]).__basicsize__`, and the `m 64` of `a[3]['x'] = 9.5`).
 * The array's handle is kept in the object's ref column, the element's address in num.
 * Indexing, assignment and tolist are voidItems.ts's.
 */
export const VOID_BASICSIZE = 64;

export class VoidScalars {
  readonly type: TypeSlots;

  constructor(
    readonly vm: Vm,
    readonly arrays: Arrays,
    readonly indexing: VoidIndexing,
  ) {
    const arrayOf = (h: number): number => vm.table.ref[h];
    const addrOf = (h: number): number => vm.table.num[h];
    this.type = defineType({
      id: vm.newTypeId(),
      name: 'void',
      module: 'numpy',
      basicsize: VOID_BASICSIZE,
      dealloc: (v, h) => {
        v.xdecref(v.table.ref[h]);
        v.objectFree(h);
      },
      reprText: (_v, h) => this.text(h),
      str: (v, h) => strNew(v, this.text(h)),
      notModelled: 'numpy.void',
      mapping: {
        length: (_v, h) => fieldsOf(arrays.dtype(arrayOf(h))).length,
        subscript: (_v, h, key) => indexing.get(arrayOf(h), addrOf(h), key),
        assSubscript: (v, h, key, value) => {
          if (value === 0) throw valueError(v, 'cannot delete a field of a void scalar');
          indexing.set(arrayOf(h), addrOf(h), key, value);
        },
      },
      sequence: { length: (_v, h) => fieldsOf(arrays.dtype(arrayOf(h))).length },
      methods: {
        tolist: { name: 'tolist', flags: Meth.NoArgs, impl: (_v, h) => indexing.tolist(arrayOf(h), addrOf(h)) },
        item: {
          name: 'item',
          flags: Meth.NoArgs,
          impl: (_v, h) => indexing.tolist(arrayOf(h), addrOf(h), 'item'),
        },
      },
      getset: {
        dtype: {
          name: 'dtype',
          get: (v, h) => {
            const d = indexing.parts.descrHandle(arrays.dtype(arrayOf(h)));
            v.incref(d);
            return d;
          },
        },
      },
    });
    readyStaticType(vm, this.type);
  }

  /** The scalar for the element at `addr` of structured array `h`. */
  make(h: number, addr: number): number {
    const vm = this.vm;
    const s = vm.newObject(this.type.id, VOID_BASICSIZE);
    vm.incref(h);
    vm.table.ref[s] = h;
    vm.table.num[s] = addr;
    return s;
  }

  /** _void_scalar_repr: the fields as a tuple, each as a 0-d array of its dtype prints (`(3, 0.75)`, `(0, 0.)`). */
  private text(s: number): string {
    const vm = this.vm;
    const A = this.arrays;
    const h = vm.table.ref[s];
    const addr = vm.table.num[s];
    const t = A.t;
    const owner = t.vslot[A.slot(h)];
    const d = A.dtype(h);
    const row = A.values.reader(owner)((addr - t.data[owner]) / d.itemsize);
    const parts = fieldsOf(d).map((f, k) => fieldText(f.dtype, A.values.rows.get(d, row, k)));
    return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
  }
}

/** The field of `d` called `name`, or NumPy's error for a missing one. */
export function fieldNamed(vm: Vm, d: DType, name: string): RecordField {
  const f = fieldsOf(d).find((x) => x.name === name);
  if (!f) throw valueError(vm, `no field of name ${name}`);
  return f;
}

/**
 * StructuredVoidFormat for an array: one format per field over every printed element's value of
 * that field (the edge items when summarized), each record as a tuple: `(0, 0., False)`.
 */
export function recordFormatter(A: Arrays, d: DType, printedRows: Float64Array): (row: number) => string {
  const fields = fieldsOf(d);
  const fmts = fields.map((f, k) =>
    fieldFormatter(
      Float64Array.from(printedRows, (r) => A.values.rows.get(d, r, k)),
      f.dtype,
    ),
  );
  return (row) =>
    `(${fmts.map((fmt, k) => fmt(A.values.rows.get(d, row, k))).join(', ')}${fields.length === 1 ? ',' : ''})`;
}
