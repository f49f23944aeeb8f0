import { NotSupported } from '../python/errors';
import type { DType, RecordField } from './dtypes';

/**
 * The values of structured arrays (records.ts). An element of a structured owner holds a row id
 * (a number, so copies, fancy and boolean indexing, sorting by index and concatenation move
 * records as they move any element); the row's field values live here, one column per field.
 * Rows are never changed: writing one field of an element makes a new row (copy-on-write), so a
 * row another array copied stays what it was. Row 0 of every dtype is all zeros (np.zeros: its
 * owner's values are the constant 0).
 */
export class RecordRows {
  private readonly tables = new Map<number, { cols: Float64Array[]; length: number }>();

  private table(d: DType): { cols: Float64Array[]; length: number } {
    let t = this.tables.get(d.code);
    if (t === undefined) {
      t = { cols: fieldsOf(d).map(() => new Float64Array(16)), length: 1 };
      this.tables.set(d.code, t);
    }
    return t;
  }

  /** Field `f` of row `row`. */
  get(d: DType, row: number, f: number): number {
    return this.table(d).cols[f][row];
  }

  /** A new row holding `values` (already cast to each field's dtype). */
  make(d: DType, values: readonly number[]): number {
    const t = this.table(d);
    if (t.length === t.cols[0]?.length)
      t.cols = t.cols.map((c) => {
        const g = new Float64Array(c.length * 2);
        g.set(c);
        return g;
      });
    const row = t.length++;
    values.forEach((v, f) => (t.cols[f][row] = v));
    return row;
  }

  /** A new row: `row` with field `f` set to `v`. */
  withField(d: DType, row: number, f: number, v: number): number {
    const vals = fieldsOf(d).map((_, k) => (k === f ? v : this.get(d, row, k)));
    return this.make(d, vals);
  }
}

export function fieldsOf(d: DType): readonly RecordField[] {
  if (!d.fields) throw new Error(`internal: ${d.name} has no fields`);
  return d.fields;
}

/**
 * The field a view of dtype `view` reads at byte `offset` (mod the record size) inside records
 * of `owner` (a field view: `a['score']`); NotSupported for views that reinterpret record bytes.
 */
export function fieldAt(owner: DType, view: DType, offset: number): number {
  const within = ((offset % owner.itemsize) + owner.itemsize) % owner.itemsize;
  const f = fieldsOf(owner).findIndex((x) => x.offset === within && x.dtype === view);
  if (f < 0) throw new NotSupported(`a ${view.name} view of the bytes of records of ${owner.typestr}`);
  return f;
}

/** arraydescr_struct_list_str: `[('id', '<i4'), ('score', '<f8')]` (_dtype.py's short form: bool as '?', no '|' for byte-order-free types: 'u1'). */
export function structuredText(d: DType): string {
  return `[${fieldsOf(d)
    .map((f) => `('${f.name}', '${f.dtype.kind === 'b' ? '?' : f.dtype.typestr.replace(/^\|/, '')}')`)
    .join(', ')}]`;
}
