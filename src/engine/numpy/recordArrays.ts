import { NotSupported } from '../python/errors';
import { T } from '../python/objects/types';
import { sequenceItems } from './args';
import type { DType } from './dtypes';
import type { Arrays } from './ndarray';
import { fieldsOf } from './recordRows';
import { castValue } from './values';

/**
 * np.array(list of tuples, dtype=structured): with a structured dtype the tuples are the
 * elements (PyArray_DiscoverDTypeAndShape stops at them), so a 1-d list gives a 1-d array of
 * records; VOID_setitem stores each tuple field by field through the field dtype's setitem
 * (whose temporaries `leaf` makes: PyNumber_Float for an int into f8 & co).
 */
export function recordsFromSequence(
  A: Arrays,
  leaf: (x: number, d: DType) => number,
  h: number,
  d: DType,
  ndmin: number,
): number {
  const vm = A.vm;
  const items = sequenceItems(vm, h);
  if (items === null || ndmin > 1)
    throw new NotSupported('a structured array from something other than a list of tuples');
  const fields = fieldsOf(d);
  const rows: number[][] = [];
  for (const it of items) {
    const parts = vm.table.type[it] === T.Tuple ? sequenceItems(vm, it)! : null;
    if (parts === null) throw new NotSupported('structured array elements other than tuples');
    if (parts.length !== fields.length)
      throw new NotSupported('tuples whose length differs from the number of fields');
    rows.push(parts);
  }
  const r = A.newArray(d, [items.length]);
  const out = A.values.writable(A.slot(r));
  rows.forEach((parts, i) => {
    const vals = fields.map((f, k) => castValue(f.dtype, leaf(parts[k], f.dtype)));
    if (out) out[i] = A.values.rows.make(d, vals);
  });
  A.writeAll(r);
  return r;
}
